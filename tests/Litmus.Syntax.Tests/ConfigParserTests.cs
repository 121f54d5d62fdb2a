namespace Litmus.Syntax.Tests;

public class ConfigParserTests
{
    [Fact]
    public void Key_value_lines_and_comments()
    {
        var config = ConfigParser.Parse("""
            # a comment
            // another
            macros linux-kernel.def
              bell   linux-kernel.bell  

            model linux-kernel.cat
            edgeattr hb,color,indigo
            edgeattr co,color,blue
            """.Replace("\n", "\r\n"), "lk.cfg");
        Assert.Equal("lk.cfg", config.Path);
        Assert.Equal(
            ["macros=linux-kernel.def", "bell=linux-kernel.bell", "model=linux-kernel.cat", "edgeattr=hb,color,indigo", "edgeattr=co,color,blue"],
            config.Entries.Select(e => $"{e.Key}={e.Value}"));
        Assert.Equal("linux-kernel.cat", config.Get("model"));
        Assert.Equal("co,color,blue", config.Get("edgeattr"));
        Assert.Null(config.Get("variant"));
        Assert.Equal(new SourceSpan("lk.cfg", 4, 3, 4, 26), config.Entries[1].Span);
    }

    [Fact]
    public void A_key_without_value_is_an_error()
    {
        var d = Errors.Single(() => ConfigParser.Parse("model x.cat\nvariant\n", "lk.cfg"));
        Assert.Equal("lk.cfg:2:1: error: expected a value after 'variant': settings are written 'key value', as in 'model linux-kernel.cat'", d.ToString());
    }

    [Fact]
    public void Empty_file() => Assert.Empty(ConfigParser.Parse("", "e.cfg").Entries);
}

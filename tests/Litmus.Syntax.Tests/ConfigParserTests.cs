namespace Litmus.Syntax.Tests;

public class ConfigParserTests
{
    [Fact]
    public void Key_value_lines_and_comments()
    {
        var config = ConfigParser.Parse("""
            # a comment
            // another
            macros unit.def
              bell   unit.bell  

            model unit.cat
            edgeattr po,color,red
            edgeattr rf,color,green
            """.Replace("\n", "\r\n"), "lk.cfg");
        Assert.Equal("lk.cfg", config.Path);
        Assert.Equal(
            ["macros=unit.def", "bell=unit.bell", "model=unit.cat", "edgeattr=po,color,red", "edgeattr=rf,color,green"],
            config.Entries.Select(e => $"{e.Key}={e.Value}"));
        Assert.Equal("unit.cat", config.Get("model"));
        Assert.Equal("rf,color,green", config.Get("edgeattr"));
        Assert.Null(config.Get("variant"));
        Assert.Equal(new SourceSpan("lk.cfg", 4, 3, 4, 18), config.Entries[1].Span);
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

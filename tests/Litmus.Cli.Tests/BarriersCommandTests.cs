namespace Litmus.Cli.Tests;

public sealed class BarriersCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    private static string Membarrier(string test) => Path.Combine(RepoPaths.Root, "litmus", "membarrier", test);

    [Fact]
    public void Text_names_each_primitive_with_its_status_and_the_weakest_overall()
    {
        var (exit, output, errors) = _cli.Run("barriers", Membarrier("SB+membarrier+barrier-plain.litmus"));
        Assert.Equal("", errors);
        Assert.Equal(0, exit);
        Assert.Contains("SB+membarrier+barrier-plain: Never under lkmm+membarrier; 2 ordering primitive(s)", output);
        Assert.Matches(@"P0 line \d+ +sys_membarrier\(\) +necessary +weakest: itself", output);
        Assert.Matches(@"P1 line \d+ +barrier\(\) +necessary +weakest: itself +\(nothing: Sometimes\)", output);
        Assert.Contains("weakest overall that keeps Never:", output);
    }

    [Fact]
    public void Json_and_graph_show_the_execution_each_necessary_barrier_forbids()
    {
        var dir = Path.Combine(_cli.Dir, "graphs");
        var (exit, output, _) = _cli.Run("barriers", "--format", "json", "--graph", dir, Membarrier("kernel-impl/C-B+kthread-switch.litmus"));
        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var test = doc.RootElement.GetProperty("tests")[0];
        Assert.Equal("Never", test.GetProperty("verdict").GetString());
        var necessary = test.GetProperty("sites").EnumerateArray().Where(s => s.GetProperty("necessary").GetBoolean()).ToList();
        Assert.Equal(2, necessary.Count);
        foreach (var s in necessary)
        {
            var file = Path.Combine(dir, s.GetProperty("drawing").GetString()!);
            Assert.Contains("this execution reaches the outcome", File.ReadAllText(file));
        }
        Assert.Equal(2, Directory.GetFiles(dir, "*.dot").Length);
    }

    [Fact]
    public void A_missing_file_is_one_positioned_error()
    {
        var (exit, _, errors) = _cli.Run("barriers", "no-such.litmus");
        Assert.Equal(2, exit);
        Assert.Matches(@"^no-such\.litmus:1:1: error: ", errors);
    }
}

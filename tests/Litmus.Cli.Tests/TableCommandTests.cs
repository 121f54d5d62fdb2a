namespace Litmus.Cli.Tests;

[Collection(CliRunner.Serial)]
public sealed class TableCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_default_model_gives_the_documented_table()
    {
        var (exit, output, errors) = _cli.Run("table");
        Assert.Equal("", errors);
        Assert.Equal(0, exit);
        Assert.Matches(@"sys_membarrier\(\)\s+O\s+O\s+O", output);
        Assert.Matches(@"smp_mb\(\)\s+X \([^)]*SB[^)]*\)\s+O\s+O", output);
        Assert.Contains("matches the documented table: yes", output);
    }

    [Fact]
    public void A_portable_model_that_orders_an_X_cell_is_a_mismatch()
    {
        // An "lkmm" preset that is really sequential consistency: barrier() / barrier() comes out ordered.
        var models = Path.Combine(CliRunner.Repo, "litmus", "models");
        var cfg = _cli.Write("lkmm-sc.cfg", $"model {models}/sc-membarrier.cat\nbell {models}/lkmm.bell\nmacros {models}/lkmm.def\n");
        var (exit, output, _) = _cli.Run("table", "--model", cfg);
        Assert.Equal(1, exit);
        Assert.Contains("differs: barrier() / barrier(): documented X", output);
        Assert.Contains("matches the documented table: no", output);
    }

    [Fact]
    public void A_strong_model_orders_more_and_says_so()
    {
        var (exit, output, _) = _cli.Run("table", "--model", "sc+membarrier");
        Assert.Equal(0, exit);
        Assert.Contains("note: barrier() / barrier() is not promised, but sc+membarrier orders it anyway", output);
    }

    [Fact]
    public void Emit_writes_the_generated_tests_and_json_describes_every_cell()
    {
        var dir = Path.Combine(_cli.Dir, "emitted");
        var (exit, output, _) = _cli.Run("table", "--format", "json", "--emit", dir);
        Assert.Equal(0, exit);
        Assert.Equal(54, Directory.GetFiles(dir, "*.litmus").Length);
        Assert.True(File.Exists(Path.Combine(dir, "SB+membarrier+barrier.litmus")));
        // Written as a user writes them from the table: the abstract call needs no registration line.
        Assert.All(Directory.GetFiles(dir, "*.litmus"), f => Assert.DoesNotContain("membarrier_registered", File.ReadAllText(f)));
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(9, doc.RootElement.GetProperty("cells").GetArrayLength());
        Assert.True(doc.RootElement.GetProperty("matchesDocumented").GetBoolean());
    }

    [Fact]
    public void A_model_without_membarrier_is_refused()
    {
        var (exit, _, errors) = _cli.Run("table", "--model", "lkmm");
        Assert.Equal(2, exit);
        Assert.Contains("does not define", errors);
    }
}

namespace Litmus.Cli.Tests;

public sealed class WitnessOutputTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Graph_writes_a_dot_file_per_reaching_execution_showing_handlers()
    {
        var dir = Path.Combine(_cli.Dir, "graphs");
        var test = Path.Combine(RepoPaths.Root, "litmus/membarrier/HandlerOrder+membarriers.litmus");
        var never = Path.Combine(RepoPaths.Root, "litmus/tests/sb/SB+mbs.litmus");
        var (exit, _, _) = _cli.Run("check", "--graph", dir, test, never);
        Assert.Equal(0, exit);
        var dot = File.ReadAllText(Path.Combine(dir, "HandlerOrder+membarriers.dot"));
        Assert.StartsWith("digraph \"HandlerOrder+membarriers\"", dot);
        Assert.Contains("subgraph cluster_P2", dot);
        Assert.Contains("handler of sys_membarrier() at P1 line", dot);
        Assert.Contains("[label=rf, color=red", dot);
        Assert.False(File.Exists(Path.Combine(dir, "SB+mbs.dot"))); // Never: nothing reaches the outcome
    }

    [Fact]
    public void A_graph_folder_that_cannot_be_made_is_one_error_and_exit_2()
    {
        var blocker = _cli.Write("file", "not a folder");
        var (exit, _, errors) = _cli.Run("check", "--graph", Path.Combine(blocker, "graphs"), Path.Combine(RepoPaths.Root, "litmus/tests/sb/SB+pos.litmus"));
        Assert.Equal(2, exit);
        Assert.StartsWith("litmus: cannot write graphs to", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void The_witness_of_a_forbidden_outcome_names_the_axiom_that_forbids_it()
    {
        var (_, output, _) = _cli.Run("check", "--witness", Path.Combine(RepoPaths.Root, "litmus/tests/mp/MP+wmb+rmb.litmus"));
        Assert.Contains("forbidden by: happens-before", output);
    }
}

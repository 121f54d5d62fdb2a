using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// The definition of sys_membarrier() is its desugaring (docs/membarrier.md): a test with membarrier calls
/// means the union, over every place each handler may run, of the test with the calls written out as
/// request/acknowledgement handshakes. For each <c>X.litmus</c> beside a folder <c>X.desugared/</c> holding
/// one hand-written file per placement (filtered to executions whose handshakes complete), the engine's
/// verdict must agree: X's outcome is reachable exactly when some placement's is.
/// </summary>
public class DesugaredPairTests
{
    public static TheoryData<string> Pairs()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepoPaths.Membarrier, "*.desugared", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.Membarrier, dir[..^".desugared".Length]));
        return data;
    }

    /// <summary>
    /// Each placement's verdict under plain LKMM: checked here when the placement files are committed; read from
    /// the folder's verdicts.tsv (written by tools/desugar.py --run) when there are too many to commit (Ring4 has 3,600).
    /// </summary>
    private static List<string> PlacementVerdicts(string folder)
    {
        var files = Directory.GetFiles(folder, "*.litmus");
        if (files.Length > 0)
            return files.Select(f => GoldenVerdictTests.Check("lkmm", f)).Select(r =>
            {
                Assert.Empty(r.Errors);
                return r.VerdictWord!;
            }).ToList();
        return TsvRow.Read(Path.Combine(folder, "verdicts.tsv")).Select(r => r.Fields[1]).ToList();
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_engine_agrees_with_the_desugared_placements(string name)
    {
        var test = Path.Combine(RepoPaths.Membarrier, name + ".litmus");
        var engine = GoldenVerdictTests.Check(ModelLoader.DefaultModel, test);
        Assert.Empty(engine.Errors);

        var words = PlacementVerdicts(Path.Combine(RepoPaths.Membarrier, name + ".desugared"));
        Assert.NotEmpty(words);

        var reachable = words.Any(w => w is "Sometimes" or "Always");
        Assert.Equal(reachable, engine.Verdict is Verdict.Sometimes or Verdict.Always);
        // With at least one placement possible, "every complete execution satisfies it" means every
        // placement that has executions is Always.
        var possible = words.Where(w => w != "DEADLOCK").ToList();
        if (possible.Count > 0)
            Assert.Equal(possible.All(w => w == "Always"), engine.Verdict == Verdict.Always);
        else
            Assert.True(engine.NoExecutions);
    }
}

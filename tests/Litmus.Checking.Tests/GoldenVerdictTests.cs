using Litmus.Models;

namespace Litmus.Checking.Tests;

/// <summary>
/// Every bundled test beside its expectations: <c>X.expect</c> (read by <see cref="ExpectFile"/>) holds one line
/// per model (<c>lkmm Sometimes</c>), each a case here, and may say <c>diagnostic EPERM</c> (the test must be
/// reported for an unregistered membarrier).
/// </summary>
public class GoldenVerdictTests
{
    private static readonly Dictionary<string, LitmusChecker> Checkers = new();

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (test, model, verdict) in Rows().Where(r => !r.Model.StartsWith(HerdLibraryTests.Prefix, StringComparison.Ordinal)))
            data.Add(test, model, verdict);
        return data;
    }

    /// <summary>Every expectation line, including those for herd's library files (<c>herd-sc Never</c>, see HerdLibraryTests).</summary>
    public static IEnumerable<(string Test, string Model, string Verdict)> Rows()
    {
        foreach (var expect in ExpectFile.All())
        {
            var test = Path.GetRelativePath(RepoPaths.Root, expect.Test);
            foreach (var line in expect.Lines) yield return (test, line.Model, line.Verdict);
            if (expect.DiagnosticEperm) yield return (test, "diagnostic", "EPERM");
        }
    }

    /// <summary>
    /// Checks a file with the shared checker of a model. Checkers (and their solver) serve one thread at a
    /// time, and test classes run in parallel, so each use holds the checker's lock.
    /// </summary>
    internal static TestResult Check(string model, string path)
    {
        LitmusChecker checker;
        lock (Checkers)
        {
            if (!Checkers.TryGetValue(model, out checker!))
                Checkers[model] = checker = LitmusChecker.Create(ModelLoader.Load(model), new CheckOptions());
        }
        lock (checker) return checker.CheckFile(path);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdict_matches_the_literature(string test, string model, string expected)
    {
        var path = Path.Combine(RepoPaths.Root, test);
        if (model == "diagnostic")
        {
            var reported = Check(ModelLoader.DefaultModel, path);
            Assert.Contains(reported.Warnings, w => w.Message.Contains("-" + expected));
            return;
        }
        var result = Check(model, path);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.VerdictWord);
    }

    /// <summary>
    /// The converse of <c>diagnostic EPERM</c>: a membarrier test whose .expect does not ask for the diagnostic
    /// gets none (the abstract sys_membarrier() and GLOBAL_EXPEDITED are never refused).
    /// </summary>
    [Fact]
    public void Membarrier_tests_without_a_diagnostic_line_get_no_EPERM()
    {
        foreach (var expect in ExpectFile.All().Where(e => e.Path.StartsWith(RepoPaths.Membarrier, StringComparison.Ordinal) && !e.DiagnosticEperm))
        {
            var result = Check(ModelLoader.DefaultModel, expect.Test);
            Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("-EPERM"));
        }
    }

    /// <summary>The lkmm expectations again, under the kernel's own model files (upstream linux-kernel.cfg, unmodified).</summary>
    public static TheoryData<string, string> UpstreamCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Cases().Select(r => ((string)r[0], (string)r[1], (string)r[2])).Where(r => r.Item2 == "lkmm"))
            data.Add(row.Item1, row.Item3);
        return data;
    }

    [CorpusTheory("lkmm-model/linux-kernel.cfg")]
    [MemberData(nameof(UpstreamCases))]
    public void Upstream_model_files_give_the_same_verdict(string test, string expected)
    {
        var result = Check(RepoPaths.UpstreamModel!, Path.Combine(RepoPaths.Root, test));
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.VerdictWord);
    }
}

using Litmus.Models;

namespace Litmus.Checking.Tests;

/// <summary>
/// Every test in litmus/tests and litmus/membarrier beside its expectations: <c>X.expect</c> holds one line per
/// model (<c>lkmm Sometimes</c>), each a case here, and may say <c>diagnostic EPERM</c> (the test must be
/// reported for an unregistered membarrier).
/// </summary>
public class GoldenVerdictTests
{
    private static readonly Dictionary<string, LitmusChecker> Checkers = new();

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var folder in new[] { RepoPaths.LitmusTests, RepoPaths.Membarrier, RepoPaths.C11 })
            foreach (var expect in Directory.EnumerateFiles(folder, "*.expect", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                foreach (var line in File.ReadAllLines(expect).Where(l => l.Trim().Length > 0))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var test = Path.ChangeExtension(Path.GetRelativePath(RepoPaths.Root, expect), ".litmus");
                    data.Add(test, parts[0], parts[1]);
                }
        return data;
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
        foreach (var expect in Directory.EnumerateFiles(RepoPaths.Membarrier, "*.expect", SearchOption.AllDirectories))
        {
            if (File.ReadAllLines(expect).Any(l => l.StartsWith("diagnostic", StringComparison.Ordinal))) continue;
            var result = Check(ModelLoader.DefaultModel, Path.ChangeExtension(expect, ".litmus"));
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

    [Theory]
    [MemberData(nameof(UpstreamCases))]
    public void Upstream_model_files_give_the_same_verdict(string test, string expected)
    {
        if (RepoPaths.UpstreamModel is null) return; // no ../shared/corpus on this machine (CI has one)
        var result = Check(RepoPaths.UpstreamModel!, Path.Combine(RepoPaths.Root, test));
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.VerdictWord);
    }

    [Fact]
    public void Every_test_has_expectations_for_all_three_models()
    {
        foreach (var litmus in Directory.EnumerateFiles(RepoPaths.LitmusTests, "*.litmus", SearchOption.AllDirectories))
        {
            var expect = Path.ChangeExtension(litmus, ".expect");
            Assert.True(File.Exists(expect), $"{litmus} has no .expect file");
            var models = File.ReadAllLines(expect).Select(l => l.Split(' ')[0]).ToList();
            Assert.Equal(["lkmm", "sc", "tso"], models.Order(StringComparer.Ordinal));
            // The kernel's convention: the Result: line states the LKMM verdict.
            var lkmm = File.ReadAllLines(expect).Single(l => l.StartsWith("lkmm ")).Split(' ')[1];
            Assert.Equal(lkmm, Syntax.LitmusParser.ParseFile(litmus).Expected?.Verdict);
        }
    }
}

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
        foreach (var (test, model, verdict) in Rows().Where(r => !r.Model.StartsWith(HerdLibraryTests.Prefix, StringComparison.Ordinal)))
            data.Add(test, model, verdict);
        return data;
    }

    /// <summary>Every expectation line, including those for herd's library files (<c>herd-sc Never</c>, see HerdLibraryTests).</summary>
    public static IEnumerable<(string Test, string Model, string Verdict)> Rows()
    {
        foreach (var folder in new[] { RepoPaths.LitmusTests, RepoPaths.Membarrier, RepoPaths.C11 })
            foreach (var expect in Directory.EnumerateFiles(folder, "*.expect", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                foreach (var line in File.ReadAllLines(expect).Where(l => l.Trim().Length > 0))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var test = Path.ChangeExtension(Path.GetRelativePath(RepoPaths.Root, expect), ".litmus");
                    yield return (test, parts[0], parts[1]);
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

    [CorpusTheory("lkmm-model/linux-kernel.cfg")]
    [MemberData(nameof(UpstreamCases))]
    public void Upstream_model_files_give_the_same_verdict(string test, string expected)
    {
        var result = Check(RepoPaths.UpstreamModel!, Path.Combine(RepoPaths.Root, test));
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.VerdictWord);
    }

    /// <summary>
    /// The format of litmus/tests (README there): every test is named as its file, beside an .expect file with
    /// exactly the lines "sc V", "tso V", "lkmm V" in that order, whose lkmm verdict is the test's Result: line
    /// (as the kernel scripts read it); and no .expect file is left without its test.
    /// </summary>
    [Fact]
    public void Every_test_has_expectations_for_all_three_models()
    {
        var tests = Directory.EnumerateFiles(RepoPaths.LitmusTests, "*.litmus", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(tests);
        foreach (var litmus in tests)
        {
            var name = Path.GetFileNameWithoutExtension(litmus);
            Assert.True(File.ReadLines(litmus).First() == "C " + name, $"{litmus} does not start with 'C {name}'");
            var expect = Path.ChangeExtension(litmus, ".expect");
            Assert.True(File.Exists(expect), $"{litmus} has no .expect file");
            var lines = File.ReadAllLines(expect).Select(l => l.Split(' ')).ToList();
            Assert.True(lines.Select(l => l[0]).SequenceEqual(["sc", "tso", "lkmm"]), $"{expect}: the lines must be sc, tso, lkmm in that order");
            Assert.All(lines, l => Assert.True(l.Length == 2 && l[1] is "Never" or "Sometimes" or "Always", $"{expect}: bad line '{string.Join(' ', l)}'"));
            // The kernel's convention: the Result: line states the LKMM verdict.
            Assert.Equal(lines[2][1], Syntax.LitmusParser.ParseFile(litmus).Expected?.Verdict);
        }
        foreach (var expect in Directory.EnumerateFiles(RepoPaths.LitmusTests, "*.expect", SearchOption.AllDirectories))
            Assert.True(File.Exists(Path.ChangeExtension(expect, ".litmus")), $"{expect} has no test beside it");
    }
}

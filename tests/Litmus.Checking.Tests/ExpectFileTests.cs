using System.Text.RegularExpressions;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// The .expect files and the membarrier tests' verdict tables agree with the tests they describe, as text (no
/// checker run; GoldenVerdictTests and DesugaredPairTests run the checker): each folder's conventions
/// (litmus/tests/README.md, litmus/membarrier/README.md), the kernel's Result: lines, and the rule of
/// litmus/membarrier/desugared-rule.md applied to the tables.
/// </summary>
public partial class ExpectFileTests
{
    /// <summary>The bundled tests of a folder: every .litmus file outside the desugared folders.</summary>
    private static List<string> TestsIn(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.litmus", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(d => d.EndsWith(".desugared", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Folders() => new(ExpectFile.Folders.Select(f => Path.GetRelativePath(RepoPaths.Root, f)));

    /// <summary>
    /// Every test is named as its file and has a well-formed .expect file, whose lkmm line (or lkmm+membarrier)
    /// is the test's Result: line, as the kernel scripts read it; and no .expect file is left without its test.
    /// </summary>
    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_test_has_an_expect_file_that_agrees_with_its_Result_line(string folder)
    {
        var tests = TestsIn(Path.Combine(RepoPaths.Root, folder));
        Assert.NotEmpty(tests);
        foreach (var litmus in tests)
        {
            var name = Path.GetFileNameWithoutExtension(litmus);
            Assert.True(File.ReadLines(litmus).First() == "C " + name, $"{litmus} does not start with 'C {name}'");
            var expectPath = Path.ChangeExtension(litmus, ".expect");
            Assert.True(File.Exists(expectPath), $"{litmus} has no .expect file");
            var expect = ExpectFile.Read(expectPath);
            Assert.True(expect.Lines.Count > 0, $"{expectPath} names no model");
            if ((expect.VerdictUnder("lkmm") ?? expect.VerdictUnder("lkmm+membarrier")) is { } lkmm)
                Assert.True(lkmm == LitmusParser.ParseFile(litmus).Expected?.Verdict, $"{expectPath} says lkmm {lkmm}, the test's Result: line says otherwise");
        }
        foreach (var expect in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.expect", SearchOption.AllDirectories))
            Assert.True(File.Exists(Path.ChangeExtension(expect, ".litmus")), $"{expect} has no test beside it");
    }

    /// <summary>litmus/tests: exactly the lines "sc V", "tso V", "lkmm V", in that order.</summary>
    [Fact]
    public void Tests_of_litmus_tests_have_lines_for_sc_tso_and_lkmm()
    {
        foreach (var litmus in TestsIn(RepoPaths.LitmusTests))
        {
            var expect = ExpectFile.Read(Path.ChangeExtension(litmus, ".expect"));
            Assert.True(expect.Lines.Select(l => l.Model).SequenceEqual(["sc", "tso", "lkmm"]) && !expect.DiagnosticEperm,
                $"{expect.Path}: the lines must be sc, tso, lkmm in that order");
        }
    }

    /// <summary>A membarrier call as written in a test: the abstract ones, and the commands of the system call.</summary>
    [GeneratedRegex(@"\b(sys_membarrier|membarrier|smp_memb)\s*\(")]
    private static partial Regex MembarrierCall();

    /// <summary>The IPI step alone (kernel-impl/): checked under the +membarrier models, but not desugared.</summary>
    [GeneratedRegex(@"\bmembarrier_ipi(_nomb)?\s*\(")]
    private static partial Regex IpiCall();

    [GeneratedRegex(@"\(\*.*?\*\)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>
    /// litmus/membarrier: a test that calls membarrier (or the IPI step) names the +membarrier models, the others
    /// the plain ones; lines in the order sc, tso, lkmm, the lkmm one always there; and a test that calls
    /// membarrier has its desugared folder.
    /// </summary>
    [Fact]
    public void Tests_of_litmus_membarrier_name_the_models_their_calls_need()
    {
        foreach (var litmus in TestsIn(RepoPaths.Membarrier))
        {
            var code = Comment().Replace(File.ReadAllText(litmus), "");
            var calls = MembarrierCall().IsMatch(code);
            var suffix = calls || IpiCall().IsMatch(code) ? "+membarrier" : "";
            var order = new[] { "sc", "tso", "lkmm" }.Select(m => m + suffix).ToList();
            var expect = ExpectFile.Read(Path.ChangeExtension(litmus, ".expect"));
            var positions = expect.Lines.Select(l => order.IndexOf(l.Model)).ToList();
            Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()),
                $"{expect.Path}: lines for {string.Join(", ", order)} only, in that order");
            Assert.True(expect.VerdictUnder("lkmm" + suffix) is not null, $"{expect.Path} has no lkmm{suffix} line");
            if (calls)
                Assert.True(Directory.Exists(Path.ChangeExtension(litmus, ".desugared")), $"{litmus} calls membarrier but has no .desugared folder");
        }
    }

    /// <summary>
    /// The rule of desugared-rule.md: a test's verdict combines its placements' (Never when all are, Always when all
    /// are, else Sometimes; placements without executions, DEADLOCK, do not count; a data race in any is one in the
    /// test).
    /// </summary>
    private static string Combine(IEnumerable<string> placements)
    {
        var words = placements.ToList();
        var live = words.Select(w => w.Split(' ')[0]).Where(w => w != "DEADLOCK").ToList();
        var verdict = live.Count == 0 ? "DEADLOCK" : live.All(w => w == "Never") ? "Never" : live.All(w => w == "Always") ? "Always" : "Sometimes";
        return words.Any(w => w.Contains("DATARACE", StringComparison.Ordinal)) ? verdict + " DATARACE" : verdict;
    }

    private static string ResultLine(string litmus) => LitmusParser.ParseFile(litmus).Expected is { } e ? Expectations.Describe(e) : "?";

    /// <summary>
    /// An X.desugared/ folder's tables against its files and X's expectations: verdicts.tsv (lkmm) lists exactly
    /// the placement files, each with its Result: line, and the rule gives X's Result: line; verdicts.tso.tsv and
    /// verdicts.sc.tsv exist exactly when X.expect has the tso+membarrier and sc+membarrier lines, and give them.
    /// Where only the tables are committed (thousands of placements), they are checked among themselves.
    /// </summary>
    [Theory]
    [MemberData(nameof(DesugaredPairTests.Pairs), MemberType = typeof(DesugaredPairTests))]
    public void The_verdict_tables_give_the_tests_expectations_by_the_rule(string name)
    {
        var litmus = Path.Combine(RepoPaths.Membarrier, name + ".litmus");
        var folder = Path.Combine(RepoPaths.Membarrier, name + ".desugared");
        var expect = ExpectFile.Read(Path.ChangeExtension(litmus, ".expect"));
        var files = Directory.GetFiles(folder, "*.litmus").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var lkmm = Table(Path.Combine(folder, "verdicts.tsv"));
        Assert.NotNull(lkmm);
        var placements = files.Count > 0 ? files : [.. lkmm.Keys.Order(StringComparer.Ordinal)];
        foreach (var (model, tsv) in new[] { ("lkmm", "verdicts.tsv"), ("tso", "verdicts.tso.tsv"), ("sc", "verdicts.sc.tsv") })
        {
            var table = Table(Path.Combine(folder, tsv));
            var line = expect.VerdictUnder(model + "+membarrier");
            Assert.True((table is null) == (line is null), $"{name}: {tsv} {(table is null ? "is missing" : "exists")}, but {expect.Path} {(line is null ? "has no" : "has a")} {model}+membarrier line");
            if (table is null) continue;
            Assert.Equal(placements, table.Keys.Order(StringComparer.Ordinal).ToList());
            var combined = Combine(table.Values);
            Assert.True(combined.Split(' ')[0] == line, $"{name}: {tsv} gives {combined} by the rule, {expect.Path} says {model}+membarrier {line}");
        }
        Assert.Equal(Combine(lkmm.Values), ResultLine(litmus));
        foreach (var file in files)
            Assert.True(ResultLine(Path.Combine(folder, file)) == lkmm[file], $"{name}.desugared/{file}: its Result: line is not its verdicts.tsv entry, {lkmm[file]}");
    }

    /// <summary>A verdict table (file TAB verdict), or null when there is none.</summary>
    private static Dictionary<string, string>? Table(string path) =>
        File.Exists(path) ? TsvRow.Read(path).ToDictionary(r => r.Fields[0], r => r.Fields[1], StringComparer.Ordinal) : null;
}

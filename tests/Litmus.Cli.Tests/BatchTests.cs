using System.Text.RegularExpressions;
using Litmus.Cli.Batch;

namespace Litmus.Cli.Tests;

/// <summary>Big suites: parallel workers, shards, the progress line and the summary table.</summary>
public sealed class BatchTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    private static readonly string[] Families = ["sb", "mp", "lb"];
    private static string[] FamilyFolders => Families.Select(f => Path.Combine(RepoPaths.Root, "litmus", "tests", f)).ToArray();

    [Fact]
    public void Parallel_workers_print_exactly_what_one_worker_prints()
    {
        static string WithoutTimes(string s) => Regex.Replace(s, @"\s+\d+ ms", " _ ms");
        var (seqExit, sequential, _) = _cli.Run(["check", "--expect", .. FamilyFolders]);
        var (parExit, parallel, _) = _cli.Run(["check", "--expect", "--jobs", "4", .. FamilyFolders]);
        Assert.Equal(0, seqExit);
        Assert.Equal(0, parExit);
        Assert.Equal(WithoutTimes(sequential), WithoutTimes(parallel));
    }

    [Fact]
    public void Shards_are_disjoint_and_together_are_the_whole_suite()
    {
        var all = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "litmus", "tests"), "*.litmus", SearchOption.AllDirectories)
            .Select(f => DisplayPath.Of(f, RepoPaths.Root)).ToList();
        foreach (var n in new[] { 1, 2, 3, 7 })
        {
            var shards = Enumerable.Range(1, n).Select(k => all.Where(new Shard(k, n).Contains).ToList()).ToList();
            Assert.Equal(all.Count, shards.Sum(s => s.Count));                       // disjoint ...
            Assert.Equal(all.Order(), shards.SelectMany(s => s).Order());           // ... and covering
        }
    }

    [Fact]
    public void Shard_runs_check_disjoint_parts_that_add_up_to_the_whole_run()
    {
        _cli.Context = _cli.Context with { CurrentDirectory = RepoPaths.Root };
        string[] Baseline(string file) =>
            File.ReadAllLines(file).Where(l => !l.StartsWith('#')).ToArray();
        var whole = Path.Combine(_cli.Dir, "whole.tsv");
        Assert.Equal(0, _cli.Run(["check", "--save-baseline", whole, .. FamilyFolders]).Exit);
        var parts = Enumerable.Range(1, 3).SelectMany(k =>
        {
            var part = Path.Combine(_cli.Dir, $"part{k}.tsv");
            Assert.Equal(0, _cli.Run(["check", "--shard", $"{k}/3", "--save-baseline", part, .. FamilyFolders]).Exit);
            return Baseline(part);
        }).ToList();
        Assert.Equal(Baseline(whole).Length, parts.Count);
        Assert.Equal(Baseline(whole), parts.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("one/two")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        var (exit, _, errors) = _cli.Run("check", "--shard", shard, FamilyFolders[0]);
        Assert.Equal(2, exit);
        Assert.Contains("--shard expects K/N", errors);
    }

    [Fact]
    public void The_progress_line_is_shown_on_a_terminal_but_not_in_ci()
    {
        var tests = new[] { _cli.Write("a.litmus", Samples.MpExpecting("Never")), _cli.Write("b.litmus", Samples.Race) };
        _cli.Context = _cli.Context with { ErrorIsTerminal = true };
        Assert.Contains("[2/2] Race", _cli.Run(["check", .. tests]).Err);

        _cli.Context = _cli.Context with { GetEnvironmentVariable = name => name == "CI" ? "true" : null };
        Assert.Empty(_cli.Run(["check", .. tests]).Err);

        _cli.Context = _cli.Context with { ErrorIsTerminal = false, GetEnvironmentVariable = _ => null };
        Assert.Empty(_cli.Run(["check", .. tests]).Err);
    }

    [Fact]
    public void The_summary_table_counts_tests_by_verdict_and_by_outcome()
    {
        _cli.Write("s/good.litmus", Samples.MpExpecting("Never"));
        _cli.Write("s/broken.litmus", Samples.BrokenMp("Never"));
        _cli.Write("s/race.litmus", Samples.Race);
        _cli.Write("s/bad.litmus", Samples.Truncated);
        var (_, output, _) = _cli.Run("check", Path.Combine(_cli.Dir, "s"));
        var table = output.Split('\n').SkipWhile(l => !l.StartsWith("verdict")).Take(5).Select(l => Regex.Replace(l.TrimEnd(), " +", " ")).ToList();
        Assert.Equal([
            "verdict ok mismatched error total",
            "Never 1 0 0 1",
            "Sometimes 1 1 0 2",
            "error 0 0 1 1",
            "total 2 1 1 4"], table);
    }
}

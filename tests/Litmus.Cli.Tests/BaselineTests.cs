namespace Litmus.Cli.Tests;

/// <summary><c>--save-baseline</c> and <c>--baseline</c>: record a run, then report only what changed.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    // Test paths are given absolute: the checker opens them from the process's folder, not the run's.
    private string Mp => Path.Combine(_cli.Dir, "mp");
    private string Sb => Path.Combine(_cli.Dir, "sb");

    [Fact]
    public void A_broken_algorithm_shows_up_as_a_change_and_fails_the_run()
    {
        _cli.Write("mp/MP+test.litmus", Samples.MpExpecting("Never"));
        _cli.Write("sb/SB+mbs.litmus", File.ReadAllText(CliRunner.Bundled("sb/SB+mbs.litmus")));
        Assert.Equal(0, _cli.Run("check", "--save-baseline", "base.tsv", Mp, Sb).Exit);
        Assert.Equal("""
            # Litmus baseline: path, verdict, flags (tab-separated; sorted by path; paths relative to where litmus ran)
            # model: lkmm+membarrier
            mp/MP+test.litmus	Never
            sb/SB+mbs.litmus	Never

            """.ReplaceLineEndings("\n"), _cli.Read("base.tsv"));

        // Unchanged: exit 0, nothing to report.
        var (same, sameOut, _) = _cli.Run("check", "--baseline", "base.tsv", Mp, Sb);
        Assert.Equal(0, same);
        Assert.Contains("Compared with the baseline base.tsv: 0 changed, 0 new, 0 removed", sameOut);

        // Someone deletes the reader's smp_rmb().
        _cli.Write("mp/MP+test.litmus", Samples.BrokenMp());
        var (exit, output, _) = _cli.Run("check", "--baseline", "base.tsv", Mp, Sb);
        Assert.Equal(1, exit);
        Assert.Contains("Compared with the baseline base.tsv: 1 changed, 0 new, 0 removed", output);
        Assert.Contains("  MP+test now Sometimes (was Never)", output);
        Assert.DoesNotContain("SB+mbs now", output);
    }

    [Fact]
    public void New_and_removed_tests_are_reported_but_do_not_fail_the_run()
    {
        var old = _cli.Write("old.litmus", Samples.MpExpecting("Never"));
        Assert.Equal(0, _cli.Run("check", "--save-baseline", "base.tsv", old).Exit);
        var (exit, output, _) = _cli.Run("check", "--baseline", "base.tsv", _cli.Write("new.litmus", Samples.Race));
        Assert.Equal(0, exit);
        Assert.Contains("0 changed, 1 new, 1 removed", output);
        Assert.Contains("  new: Race Sometimes [data-race]", output);
        Assert.Contains("  removed: old.litmus (was Never)", output);
    }

    [Fact]
    public void A_flag_that_appears_or_disappears_is_a_change()
    {
        var race = _cli.Write("race.litmus", Samples.Race);
        _cli.Write("base.tsv", "race.litmus\tSometimes\n");
        var (exit, output, _) = _cli.Run("check", "--baseline", "base.tsv", race);
        Assert.Equal(1, exit);
        Assert.Contains("Race now Sometimes [data-race] (was Sometimes)", output);
    }

    [Fact]
    public void A_bad_baseline_is_a_positioned_error()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        _cli.Write("base.tsv", "# comment\nmp.litmus\tNevr\n");
        var (exit, _, errors) = _cli.Run("check", "--baseline", "base.tsv", test);
        Assert.Equal(2, exit);
        Assert.Contains("base.tsv:2:11: error: unknown verdict 'Nevr'", errors);
    }
}

namespace Litmus.Cli.Tests;

/// <summary><c>--expect-file</c>: expectations from a verdict table instead of the tests' Result: lines.</summary>
public sealed class ExpectFileTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_table_with_a_header_like_the_corpus_verdicts_replaces_the_result_lines()
    {
        // The Result: lines say the opposite of the table; the table wins.
        _cli.Write("t/mp.litmus", Samples.MpExpecting("Sometimes"));
        _cli.Write("t/race.litmus", Samples.Race.Replace("Sometimes DATARACE", "Never"));
        var table = _cli.Write("t/verdicts.tsv",
            "path\tarch\therd_verdict\tflags\tstatus\n" +
            "mp.litmus\tC\tNever\t\tok\n" +
            "race.litmus\tC\tSometimes\tdata-race\tok\n" +
            "gone.litmus\tC\t\t\therd-error\n");
        var (exit, output, _) = _cli.Run("check", "--expect-file", table, Path.Combine(_cli.Dir, "t"));
        Assert.Equal(0, exit);
        Assert.Contains("2 tests under lkmm+membarrier: 2 ok, 0 mismatched, 0 errors", output);
    }

    [Fact]
    public void A_table_without_a_header_has_path_verdict_and_flags_columns_and_implies_expect()
    {
        _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        _cli.Write("race.litmus", Samples.Race);
        var table = _cli.Write("expected.tsv", "# my expectations\nmp.litmus\tSometimes\nrace.litmus\tSometimes\tdata-race\n");
        var (exit, output, _) = _cli.Run("check", "--expect-file", table, _cli.Dir);
        Assert.Equal(1, exit);
        Assert.Matches(@"MP\+test\s+Never\s+\(expected Sometimes\)\s+MISMATCH", output);
        Assert.Matches(@"Race\s+Sometimes\s+\(expected Sometimes DATARACE\)\s+ok", output);
    }

    [Fact]
    public void A_test_the_table_does_not_list_has_no_expectation()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Sometimes"));
        var table = _cli.Write("expected.tsv", "other.litmus\tNever\n");
        var (exit, output, _) = _cli.Run("check", "--expect-file", table, test);
        Assert.Equal(0, exit);
        Assert.Contains("1 without expectation", output);
    }

    [Theory]
    [InlineData("mp.litmus\tOften\n", "expected.tsv:1:11: error: unknown verdict 'Often'")]
    [InlineData("mp.litmus\n", "expected.tsv:1:1: error: no verdict for 'mp.litmus'")]
    [InlineData("mp.litmus\tNever\nmp.litmus\tNever\n", "expected.tsv:2:1: error: 'mp.litmus' is listed twice")]
    [InlineData("path\tresult\nmp.litmus\tNever\n", "expected.tsv:1:1: error: the header names no 'herd_verdict' or 'verdict' column")]
    public void A_bad_table_is_a_positioned_error_and_exit_2(string text, string error)
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var table = _cli.Write("expected.tsv", text);
        var (exit, output, errors) = _cli.Run("check", "--expect-file", table, test);
        Assert.Equal(2, exit);
        Assert.Contains(error, errors);
        Assert.Empty(output); // nothing was checked
    }
}

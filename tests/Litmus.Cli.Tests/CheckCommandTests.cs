namespace Litmus.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_bundled_test_gets_its_verdict_and_exit_0()
    {
        var (exit, output, _) = _cli.Run("check", Path.Combine(RepoPaths.Root, "litmus/tests/sb/SB+mbs.litmus"));
        Assert.Equal(0, exit);
        Assert.Matches(@"SB\+mbs\s+Never\s+\(expected Never\)\s+ok\s+\d+ ms", output);
        Assert.Contains("1 tests under lkmm+membarrier: 1 ok, 0 mismatched, 0 errors", output);
    }

    [Fact]
    public void Expect_fails_with_exit_1_when_the_verdict_differs_from_the_result_line()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Sometimes"));
        Assert.Equal(0, _cli.Run("check", test).Exit);
        var (exit, output, _) = _cli.Run("check", "--expect", test);
        Assert.Equal(1, exit);
        Assert.Contains("MISMATCH", output);
    }

    [Fact]
    public void A_folder_is_checked_recursively_and_a_bad_file_does_not_stop_the_others()
    {
        _cli.Write("a/good.litmus", Samples.MpExpecting("Never"));
        _cli.Write("a/b/bad.litmus", Samples.Truncated);
        var (exit, output, errors) = _cli.Run("check", "--expect", _cli.Dir);
        Assert.Equal(2, exit);
        Assert.Contains("MP+test", output);
        Assert.Matches(@"bad\.litmus:\d+:\d+: error: ", errors);
        Assert.DoesNotContain("   at ", errors); // never a stack trace
    }

    [Fact]
    public void An_empty_selection_is_an_error_unless_allowed()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_cli.Dir, "no-tests-here")).FullName;
        _cli.Write("no-tests-here/README", "not a test");
        var (exit, output, errors) = _cli.Run("check", "--expect", empty);
        Assert.Equal(2, exit);
        Assert.Equal($"{empty}:1:1: error: no tests selected: {empty} holds no *.litmus files (--allow-empty accepts an empty selection)\n", errors);
        Assert.Empty(output);

        (exit, _, errors) = _cli.Run("check", "--expect", "--allow-empty", empty);
        Assert.Equal(0, exit);
        Assert.Empty(errors);
    }

    [Fact]
    public void Herd_format_prints_herds_block()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var (exit, output, _) = _cli.Run("check", "--format", "herd", test);
        Assert.Equal(0, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Test MP+test Allowed", lines[0]);
        Assert.Equal("States 3", lines[1]);
        Assert.Equal(["1:r0=0; 1:r1=0;", "1:r0=0; 1:r1=1;", "1:r0=1; 1:r1=1;"], lines.Skip(2).Take(3).Select(l => l.Trim()));
        Assert.Equal("No", lines[5]);
        Assert.Contains(@"Condition exists (1:r0=1 /\ 1:r1=0)", lines);
        Assert.Contains("Observation MP+test Never 0 3", lines);
    }

    [Theory]
    [InlineData("check", "--model", "nosuch", "x.litmus")]
    [InlineData("check", "--format", "xml", "x.litmus")]
    [InlineData("check", "--no-such-option", "x.litmus")]
    [InlineData("check", "missing-file.litmus")]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (exit, _, errors) = _cli.Run(args);
        Assert.Equal(2, exit);
        Assert.NotEmpty(errors.Trim());
        Assert.DoesNotContain("   at ", errors);
    }

    [Theory]
    [InlineData("C t\n{}\nP0(int *x) { r0 = READ_ONCE(*x);", "t.litmus:3:")]                      // truncated
    [InlineData("C t\n{}\nP0(int *x) { r0 = NOT_A_PRIMITIVE(*x); }\nexists (0:r0=0)", "t.litmus:3:19: error: unknown primitive")]
    [InlineData("C t\n{}\nP0(int *x) { r0 = READ_ONCE(*x); }\nexists (0:r0=)", "t.litmus:4:")]  // bad condition
    [InlineData("C t\n{}\nP0(int *x) { r0 = READ_ONCE(*x); }\nexists (y=1)", "t.litmus:4:9: error: undeclared location 'y'")]
    public void Malformed_input_gives_one_positioned_error_and_exit_2(string text, string expected)
    {
        var test = _cli.Write("t.litmus", text);
        var (exit, _, errors) = _cli.Run("check", test);
        Assert.Equal(2, exit);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e12")]
    public void A_time_limit_out_of_range_is_a_usage_error(string seconds)
    {
        var (exit, _, errors) = _cli.Run("check", "--timeout", seconds, CliRunner.Bundled("sb/SB+mbs.litmus"));
        Assert.Equal(2, exit);
        Assert.Contains("--timeout takes a number of seconds above 0", errors);
        Assert.DoesNotContain("   at ", errors);

        (exit, _, errors) = _cli.Run("herd7", "-timeout", seconds, CliRunner.Bundled("sb/SB+mbs.litmus"));
        Assert.Equal(2, exit);
        Assert.Contains("option '-timeout' expects", errors);
        Assert.DoesNotContain("   at ", errors);
    }
}

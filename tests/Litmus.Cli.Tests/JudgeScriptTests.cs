using System.Diagnostics;

namespace Litmus.Cli.Tests;

/// <summary>
/// The kernel's checkalllitmus.sh flow, with Litmus standing in for herd7: scripts/judge-litmus.sh runs
/// scripts/herd7 (which runs the built litmus.dll) with <c>-conf litmus/models/lkmm.cfg</c> on each test, and
/// judges the Observation and Flag lines against the test's Result: line, as the kernel's judgelitmus.sh does.
/// </summary>
public sealed class JudgeScriptTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    private static readonly string[] Bundled =
    [
        "litmus/tests/sb/SB+mbs.litmus",          // Never
        "litmus/tests/sb/SB+pos.litmus",          // Sometimes
        "litmus/tests/mp/MP+wmb+rmb.litmus",      // Never
        "litmus/tests/lb/LB+ctrls.litmus",        // Never, with control dependencies
    ];

    [Fact]
    public void Bundled_tests_pass_the_kernel_style_judgement()
    {
        var (exit, output) = Judge([.. Bundled, _cli.Write("race.litmus", Samples.Race)]);
        Assert.True(exit == 0, output);
        foreach (var t in Bundled) Assert.Contains($"ok      {t}: ", output);
        Assert.Contains("race.litmus: Sometimes DATARACE", output);
        Assert.EndsWith("5 passed, 0 failed\n", output);
    }

    [Fact]
    public void A_test_with_a_wrong_result_line_fails_the_judgement()
    {
        var wrong = _cli.Write("MP+wrong.litmus", File.ReadAllText(CliRunner.Bundled("mp/MP+wmb+rmb.litmus"))
            .Replace("Result: Never", "Result: Sometimes"));
        var racy = _cli.Write("race.litmus", Samples.Race.Replace("Sometimes DATARACE", "Sometimes"));
        var (exit, output) = Judge([Bundled[0], wrong, racy]);
        Assert.Equal(1, exit);
        Assert.Contains($"FAILED  {wrong}: expected Sometimes, herd7 says: Observation MP+wmb+rmb Never 0 3", output);
        Assert.Contains($"FAILED  {racy}: data race expected: no, flagged: yes", output);
        Assert.EndsWith("1 passed, 2 failed\n", output);
    }

    /// <summary>What the kernel's checkalllitmus.sh passes: the tree's own linux-kernel.cfg (here the shared corpus's copy).</summary>
    [CorpusFact("lkmm-model/linux-kernel.cfg")]
    public void The_kernels_own_model_files_pass_the_same_judgement()
    {
        var cfg = RepoPaths.UpstreamModel!;
        string[] tests = [.. Bundled, "litmus/tests/locks/MP+locks.litmus", "litmus/tests/locks/Trylock+fails.litmus"];
        var (exit, output) = Judge(tests, "-conf " + cfg);
        Assert.True(exit == 0, output);
        foreach (var t in tests) Assert.Contains($"ok      {t}: ", output);
        Assert.EndsWith("6 passed, 0 failed\n", output);
    }

    private static (int Exit, string Output) Judge(string[] tests, string? herdOptions = null)
    {
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/judge-litmus.sh");
        foreach (var t in tests) start.ArgumentList.Add(t);
        foreach (var v in new[] { "HERD7", "LKMM_HERD_OPTIONS", "LKMM_DESTDIR" }) start.Environment.Remove(v);
        // The build under test: the litmus.dll copied beside this test assembly, not whichever build of
        // src/Litmus.Cli/bin scripts/herd7 would find newest (Debug or Release, maybe stale).
        start.Environment["LITMUS_DLL"] = CliRunner.BuildUnderTest;
        if (herdOptions is not null) start.Environment["LKMM_HERD_OPTIONS"] = herdOptions;
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
}

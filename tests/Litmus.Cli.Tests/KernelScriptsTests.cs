using System.Diagnostics;
using Litmus.Tests;

namespace Litmus.Cli.Tests;

/// <summary>
/// The kernel developer's flow, with Litmus as herd7: a temporary folder laid out as the kernel's
/// <c>tools/memory-model</c> (the kernel's scripts, unmodified, from the shared corpus; its model files; its
/// tests as <c>litmus-tests/</c>; a few of them as the <c>litmus/</c> history repository), <c>scripts/herd7</c>
/// first on PATH running the build under test (<c>LITMUS_DLL</c>), and the scripts the kernel documents run
/// there. Each process start costs a fraction of a second, so the history flows use a handful of tests.
/// </summary>
public sealed class KernelTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("litmus-kernel-").FullName;

    /// <summary>Tests of the history flows (<c>litmus/</c>): at most three threads (the scripts' default), and
    /// among them one whose executions herd counts differently from its states (dep+plain).</summary>
    public static readonly string[] HistoryTests =
        ["MP+poonceonces", "SB+poonceonces", "LB+poonceonces", "CoWW+poonceonce", "dep+plain", "MP+polockonce+poacquiresilsil"];

    public KernelTree()
    {
        var corpus = RepoPaths.Corpus!;
        if (!Directory.Exists(Path.Combine(corpus, "lkmm-scripts"))) return; // the tests skip
        Copy(Path.Combine(corpus, "lkmm-scripts"), Path.Combine(Root, "scripts"));
        Copy(Path.Combine(corpus, "lkmm-model"), Root);
        Copy(Path.Combine(corpus, "lkmm"), Path.Combine(Root, "litmus-tests"));
        Directory.CreateDirectory(Path.Combine(Root, "litmus", "lkmm"));
        foreach (var t in HistoryTests)
            File.Copy(Path.Combine(corpus, "lkmm", t + ".litmus"), Path.Combine(Root, "litmus", "lkmm", t + ".litmus"));
        // herdtools' mselect7 selects tests by architecture: the stand-in keeps those whose header says C.
        var bin = Directory.CreateDirectory(Path.Combine(Root, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "mselect7"), """
            #!/usr/bin/env bash
            # Stand-in for herdtools' mselect7 -arch C: the test names on stdin whose first line is "C NAME".
            [ "$*" = "-arch C" ] || { echo "mselect7 stand-in: only -arch C" >&2; exit 2; }
            while read -r f; do head -n 1 "$f" | grep -q '^C ' && echo "$f"; done
            exit 0
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, "mselect7"), (UnixFileMode)0b111_101_101);
    }

    /// <summary>Runs a command line in the tree with scripts/herd7 first on PATH; returns its exit status and output.</summary>
    public (int Exit, string Stdout, string Stderr) Run(string command, string destDir = ".")
    {
        Directory.CreateDirectory(Path.Combine(Root, destDir));
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["PATH"] = $"{Path.Combine(RepoPaths.Root, "scripts")}:{Path.Combine(Root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["LITMUS_DLL"] = CliRunner.BuildUnderTest;
        start.Environment["LITMUS_NO_NATIVE"] = "1";
        start.Environment["LKMM_DESTDIR"] = destDir;
        start.Environment["LKMM_JOBS"] = "2";
        foreach (var v in new[] { "LKMM_HERD_OPTIONS", "LKMM_HW_MAP_FILE", "LKMM_PROCS", "LKMM_TIMEOUT" }) start.Environment.Remove(v);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public class KernelScriptsTests(KernelTree tree) : IClassFixture<KernelTree>
{
    [KernelScriptsFact]
    public void Checkalllitmus_verifies_every_kernel_test_as_expected()
    {
        var (exit, stdout, stderr) = tree.Run("scripts/checkalllitmus.sh");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("All litmus tests verified as was expected.", stderr);
        Assert.DoesNotContain("!!!", stdout);
        var outputs = Directory.GetFiles(Path.Combine(tree.Root, "litmus-tests"), "*.litmus.out");
        Assert.Equal(Directory.GetFiles(Path.Combine(tree.Root, "litmus-tests"), "*.litmus").Length, outputs.Length);
        Assert.All(outputs, o => Assert.Matches("(?m)^Hash=[0-9a-f]{32}$", File.ReadAllText(o)));
    }

    [KernelScriptsFact]
    public void Checklitmus_and_judgelitmus_judge_one_test()
    {
        Directory.CreateDirectory(Path.Combine(tree.Root, "one", "litmus-tests")); // checkalllitmus.sh makes it; checklitmus.sh does not
        var (exit, stdout, stderr) = tree.Run("scripts/checklitmus.sh litmus-tests/MP+poonceonces.litmus", "one");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Observation MP+poonceonces Sometimes", stdout);

        (exit, stdout, stderr) = tree.Run("scripts/judgelitmus.sh litmus-tests/MP+poonceonces.litmus", "one");
        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("Observation MP+poonceonces Sometimes", stdout);
    }

    /// <summary>The judge cuts the primitive's name out of herd's message: Litmus must print it as herd does.</summary>
    [KernelScriptsFact]
    public void An_unknown_primitive_is_named_by_the_judge()
    {
        File.WriteAllText(Path.Combine(tree.Root, "C-unlock-wait.litmus"),
            "C C-unlock-wait\n\n(*\n * Result: Never\n *)\n\n{}\n\nP0(spinlock_t *s)\n{\n\tspin_unlock_wait(s);\n}\n\nexists (0:r0=1)\n");
        var (exit, stdout, _) = tree.Run("scripts/checklitmus.sh C-unlock-wait.litmus", "macro");
        Assert.Equal(254, exit);
        Assert.Contains("!!! Current LKMM version does not know \"spin_unlock_wait\" C-unlock-wait.litmus", stdout);
    }

    [KernelScriptsFact]
    public void The_history_flow_finds_every_output_unchanged()
    {
        var (exit, stdout, stderr) = tree.Run("scripts/initlitmushist.sh", "hist");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("All runs completed successfully.", stderr);

        (exit, stdout, stderr) = tree.Run("scripts/checklitmushist.sh", "hist");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"Exact output matches: {KernelTree.HistoryTests.Length}", stderr);
        foreach (var t in KernelTree.HistoryTests) Assert.Contains($"Exact output match: hist/litmus/lkmm/{t}.litmus.out.new", stdout);
    }

    [KernelScriptsFact]
    public void Checkghlitmus_runs_and_judges_the_history_tests()
    {
        var (_, stdout, stderr) = tree.Run("scripts/checkghlitmus.sh", "gh");
        // The script ends with grep '!!!' over the judgements: no line (and grep's status 1) means every test passed.
        Assert.DoesNotContain("!!!", stdout + stderr);
        foreach (var t in KernelTree.HistoryTests)
            Assert.Contains("Observation ", File.ReadAllText(Path.Combine(tree.Root, "gh", "litmus", "lkmm", t + ".litmus.out")));
    }
}

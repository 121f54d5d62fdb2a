using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Litmus.Cli;
using Litmus.Tests;

namespace Litmus.Hardware.Tests;

/// <summary>Runs when gcc is installed; otherwise the test is reported as skipped, with the reason.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (!GccBuild.GccAvailable()) Skip = "gcc is not installed (apt-get install -y gcc): the harness cannot be built here";
    }
}

/// <summary>
/// <c>litmus run</c> as a user runs it: builds and runs real harnesses with small iteration counts. The checks
/// are on what cannot vary between runs (counts add up, a model that forbids everything is violated, calls are
/// counted), never on how often a relaxed outcome shows.
/// </summary>
[Collection("command line")]
public sealed class EndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("litmus-run-").FullName;


    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = Program.Run(["run", "--size", "50", .. args], o, e, new CliContext { CurrentDirectory = _dir, GetEnvironmentVariable = _ => null });
        return (code, o.ToString(), e.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [GccFact]
    public void SB_runs_and_every_execution_is_counted_once()
    {
        var (exit, stdout, stderr) = Run("--iterations", "1000", Path.Combine(RepoPaths.Root, "litmus", "tests", "sb", "SB+pos.litmus"));
        Assert.True(exit == 0, stdout + stderr);
        var m = Regex.Match(stdout, @"^Observation SB\+pos (Never|Sometimes|Always) (\d+) (\d+)$", RegexOptions.Multiline);
        Assert.True(m.Success, stdout);
        Assert.Equal(1000, long.Parse(m.Groups[2].Value) + long.Parse(m.Groups[3].Value));
        Assert.Contains($"Model {Litmus.Cli.Commands.RunCommand.DefaultModel}: every observed state is allowed", stdout);
        Assert.Contains("Histogram (", stdout);
    }

    [GccFact]
    public void Each_real_membarrier_call_is_counted()
    {
        var (exit, stdout, stderr) = Run("--iterations", "200", Path.Combine(RepoPaths.Root, "litmus", "membarrier", "SB+membarriers.litmus"));
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Membarrier SB+membarriers 400 calls", stdout);
        Assert.Contains("registered at start-up: MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED", stdout);
        Assert.Contains("Observation SB+membarriers Never 0 200", stdout);
    }

    [GccFact]
    public void A_state_the_model_forbids_fails_the_run_loudly()
    {
        // A model under which no execution of a thread with two events is allowed: whatever the machine does violates it.
        var model = Write("none.cat", "\"Forbids every execution with two events in a thread\"\nacyclic po | po^-1 as never\n");
        var test = Write("One.litmus", "C One\n{}\nP0(int *x)\n{\n\tint r0;\n\tWRITE_ONCE(*x, 1);\n\tr0 = READ_ONCE(*x);\n}\nexists (0:r0=1)\n");
        var (exit, stdout, _) = Run("--iterations", "100", "--model", model, test);
        Assert.Equal(1, exit);
        Assert.Contains("*** model violated: none forbids 0:r0=1; but this machine produced it 100 times ***", stdout);
        Assert.Contains("100   *>0:r0=1;   <-- FORBIDDEN by none", stdout);
    }

    [GccFact]
    public void Expect_fails_when_a_Never_test_is_observed()
    {
        var test = Write("Never.litmus", "C Never\n(* Result: Never *)\n{}\nP0(int *x)\n{\n\tint r0;\n\tWRITE_ONCE(*x, 1);\n\tr0 = READ_ONCE(*x);\n}\nexists (0:r0=1)\n");
        Assert.Equal(0, Run("--iterations", "100", test).Exit);
        var (exit, stdout, _) = Run("--iterations", "100", "--expect", test);
        Assert.Equal(1, exit);
        Assert.Contains("*** expected Never", stdout);
    }

    [GccFact]
    public void An_rseq_test_is_skipped_with_the_reason_and_the_reports_say_so()
    {
        var rseq = Path.Combine(RepoPaths.Root, "litmus", "membarrier", "RCU-free+rseq-reader+membarrier-rseq.litmus");
        var sb = Path.Combine(RepoPaths.Root, "litmus", "tests", "sb", "SB+mbs.litmus");
        var (exit, stdout, stderr) = Run("--iterations", "100", "--junit", "r.xml", "--json", "r.json", "--jobs", "2", rseq, sb);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("skipped, not run:", stdout);
        Assert.Contains("rseq critical section", stdout);
        // The input order is kept with --jobs.
        Assert.True(stdout.IndexOf("RCU-free+rseq", StringComparison.Ordinal) < stdout.IndexOf("Test SB+mbs", StringComparison.Ordinal));

        var suite = XDocument.Load(Path.Combine(_dir, "r.xml")).Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("skipped")!.Value);
        Assert.Equal("0", suite.Attribute("failures")!.Value);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "r.json")));
        Assert.Equal("litmus-run/1", json.RootElement.GetProperty("schema").GetString());
        var tests = json.RootElement.GetProperty("tests");
        Assert.Equal("skipped", tests[0].GetProperty("status").GetString());
        Assert.Equal("ok", tests[1].GetProperty("status").GetString());
        Assert.Equal(100, tests[1].GetProperty("positive").GetInt64() + tests[1].GetProperty("negative").GetInt64());
    }

    [GccFact]
    public void A_long_run_reports_its_rounds_ending_with_the_last()
    {
        var lines = new List<string>();
        var model = Litmus.Models.ModelLoader.Load("tso+membarrier", null, null);
        using var runner = new HardwareRunner(Litmus.Checking.LitmusChecker.Create(model, new Litmus.Checking.CheckOptions { States = true }),
            new GccBuild(), new StressOptions { Iterations = 300, Size = 100 })
        {
            Progress = line => { lock (lines) lines.Add(line); },
        };
        var result = runner.Run(Path.Combine(RepoPaths.Root, "litmus", "tests", "sb", "SB+mbs.litmus"));
        Assert.True(result.Ran, string.Join("; ", result.Errors));
        lock (lines) Assert.Equal("SB+mbs: round 3 of 3", lines.Last());
    }

    [Fact]
    public void A_bad_iteration_count_is_a_usage_error()
    {
        var (exit, _, stderr) = Run("--iterations", "0", Path.Combine(RepoPaths.Root, "litmus", "tests", "sb", "SB+pos.litmus"));
        Assert.Equal(2, exit);
        Assert.Contains("<command line>:1:1: error: --iterations expects a positive number", stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

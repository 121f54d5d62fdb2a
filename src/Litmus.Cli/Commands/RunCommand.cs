using System.CommandLine;
using System.Runtime.InteropServices;
using Litmus.Checking;
using Litmus.Cli.Batch;
using Litmus.Hardware;
using Litmus.Hardware.Reports;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// <c>litmus run TESTS...</c>: runs each test on this machine's CPU and kernel (a C harness built with gcc, the
/// real sys_membarrier()), prints the histogram of final states, and fails when the model forbids a state the
/// machine produced. See docs/hardware.md.
/// </summary>
public sealed class RunCommand
{
    private readonly CommonOptions _common = new();

    private readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Litmus test files, or folders searched recursively for *.litmus",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>The model the hardware is held to: TSO with membarrier on x86-64, where that is what the CPU implements.</summary>
    public static string DefaultModel => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "tso+membarrier" : "lkmm+membarrier";

    private readonly Option<string?> Model = new("--model", "-m", "--conf")
    {
        Description = "Model to hold the hardware to (default: tso+membarrier on x86-64, lkmm+membarrier elsewhere); as in check",
    };
    private readonly Option<long> Iterations = new("--iterations", "-n") { HelpName = "N", Description = "Executions of each test", DefaultValueFactory = _ => 100_000 };
    private readonly Option<long> Size = new("--size") { HelpName = "N", Description = "Instances of the test side by side in memory per round (litmus7's size_of_test)", DefaultValueFactory = _ => 1000 };
    private readonly Option<bool> Affinity = new("--affinity") { Description = "Pin thread t to CPU (t + round) mod CPUs" };
    private readonly Option<string> Sync = new("--sync") { Description = "When the threads meet: before each instance, before each round, or auto (each instance when there are no more threads than CPUs)", DefaultValueFactory = _ => "auto" };
    private readonly Option<ulong> Seed = new("--seed") { Description = "Seed of the random instance order", DefaultValueFactory = _ => 1 };
    private readonly Option<double> TimeLimit = new("--time-limit") { HelpName = "S", Description = "Stop a harness after this many seconds (a deadlock)", DefaultValueFactory = _ => 600 };
    private readonly Option<bool> Expect = new("--expect") { Description = "Fail (exit 1) when a test whose Result: line says Never reaches its condition on this machine" };
    private readonly Option<string?> Emit = new("--emit") { HelpName = "DIR", Description = "Also write each generated C harness to DIR/NAME.c" };

    private RunCommand() => Sync.AcceptOnlyFromAmong("auto", "instance", "round");

    /// <summary>The command with options of its own: each command line gets new option objects, so in-process runs can go in parallel.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CliContext context) => new RunCommand().Build(stdout, stderr, context);

    private Command Build(TextWriter stdout, TextWriter stderr, CliContext context)
    {
        var batch = new BatchOptions();
        var cmd = new Command("run", "Run tests on this machine (C harness, gcc, the real sys_membarrier()) and hold the model to what the hardware does")
        {
            Paths, Model, _common.Bell, _common.Macros, Iterations, Size, Affinity, Sync, Seed, TimeLimit, Expect, Emit,
            _common.Timeout, batch.Jobs, batch.JUnit, batch.Json,
        };
        cmd.SetAction(parse => Run(parse, batch, stdout, stderr, context));
        return cmd;
    }

    private int Run(ParseResult parse, BatchOptions batchOptions, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        var modelName = parse.GetValue(Model) ?? DefaultModel;
        ModelSpec model;
        List<string> files;
        BatchOptions.Values batch;
        StressOptions stress;
        try
        {
            batch = batchOptions.Read(parse, context.CurrentDirectory);
            stress = ReadStress(parse);
            model = ModelLoader.Load(modelName, parse.GetValue(_common.Bell), parse.GetValue(_common.Macros));
            files = TestFiles.Expand(parse.GetValue(Paths)!);
        }
        catch (LitmusInputException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            return ExitCodes.BadInput;
        }
        var emit = parse.GetValue(Emit);
        if (emit is not null) Directory.CreateDirectory(emit);

        var options = new CheckOptions { States = true, Timeout = _common.TimeLimit(parse) };
        var enforce = parse.GetValue(Expect);
        var gcc = new GccBuild();
        var runs = new List<ReportedRun>();
        // The harnesses report their rounds from other threads: the progress line is drawn under a lock.
        var progress = new ProgressLine(stderr, context.ShowsProgress, files.Count);
        var drawing = new Lock();
        void Show(string what) { lock (drawing) progress.Show(runs.Count, what); }
        Show("");
        try
        {
            OrderedParallelRun.Run(files, batch.Jobs,
                () => new HardwareRunner(context.CreateChecker(model, options), gcc, stress)
                {
                    Progress = context.ShowsProgress ? Show : null,
                },
                (runner, file) =>
                {
                    if (emit is not null) EmitSource(file, emit);
                    return runner.Run(file);
                },
                result =>
                {
                    var display = DisplayPath.Of(result.Path, context.CurrentDirectory);
                    var fails = result.ModelViolated || (enforce && result.ExpectationViolated);
                    lock (drawing)
                    {
                        runs.Add(new ReportedRun(result, display, DisplayPath.ClassName(display), fails));
                        progress.Clear();
                        foreach (var d in result.Errors) stderr.WriteLine(d);
                        RunTextReport.Write(stdout, result, display, enforce);
                        progress.Show(runs.Count, result.Name);
                    }
                });
        }
        catch (SolverUnavailableException e)
        {
            lock (drawing) progress.Clear();
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        lock (drawing) progress.Clear();
        RunTextReport.Summary(stdout, [.. runs.Select(r => r.Result)], model.Name);
        try
        {
            if (batch.JUnit is { } junit) RunReports.WriteJUnit(junit, runs, model.Name);
            if (batch.Json is { } json) RunReports.WriteJson(json, runs, model.Name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"litmus: cannot write a report: {e.Message}");
            return ExitCodes.BadInput;
        }
        return ExitCodes.Of(runs.Count(r => r.Result.IsError), 0, runs.Count(r => r.Fails));
    }

    private StressOptions ReadStress(ParseResult parse)
    {
        var iterations = parse.GetValue(Iterations);
        var size = parse.GetValue(Size);
        if (iterations < 1) throw Usage($"--iterations expects a positive number, not {iterations}");
        if (size < 1) throw Usage($"--size expects a positive number, not {size}");
        var limit = parse.GetValue(TimeLimit);
        if (limit <= 0) throw Usage($"--time-limit expects a positive number of seconds, not {limit}");
        return new StressOptions
        {
            Iterations = iterations, Size = size, Seed = parse.GetValue(Seed), Affinity = parse.GetValue(Affinity),
            SyncEachInstance = parse.GetValue(Sync) switch { "instance" => true, "round" => false, _ => null },
            TimeLimit = TimeSpan.FromSeconds(limit),
        };
    }

    /// <summary>--emit: the harness as generated, for review; a test that does not parse or map is left out (its line says why).</summary>
    private static void EmitSource(string file, string dir)
    {
        try
        {
            var test = LitmusParser.ParseFile(file);
            File.WriteAllText(Path.Combine(dir, test.Name + ".c"), HarnessGenerator.Generate(test).Code);
        }
        catch (Exception e) when (e is LitmusInputException or NoFaithfulMappingException or IOException) { }
    }

    private static LitmusInputException Usage(string message) => new(SourceSpan.At("<command line>", 1, 1), message);
}

using System.CommandLine;
using Litmus.Checking;
using Litmus.Cli.Batch;
using Litmus.Cli.Output;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary><c>litmus check PATHS...</c>: decides each test and reports one line (or herd's block) per test.</summary>
public sealed class CheckCommand
{
    private readonly CommonOptions _common = new();

    private readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Litmus test files, or folders searched recursively for *.litmus",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output: text (one line per test) or herd (herd7's result block)",
        DefaultValueFactory = _ => "text",
    };

    private CheckCommand() => Format.AcceptOnlyFromAmong("text", "herd");

    private readonly Option<bool> States = new("--states") { Description = "List the reachable final states" };
    private readonly Option<bool> Witness = new("--witness") { Description = "Describe an execution that reaches the condition's outcome (or, for Never, the axioms that forbid it)" };
    private readonly Option<string?> Graph = new("--graph") { Description = "Write each reaching execution as a Graphviz graph, DIR/NAME.dot (and .svg when dot is installed)" };
    private readonly Option<bool> Expect = new("--expect") { Description = "Fail (exit 1) when a verdict differs from the test's own Result: line (or from --expect-file)" };
    private readonly Option<bool> AllowEmpty = new("--allow-empty") { Description = "Accept folders that hold no tests (by default an empty selection is an error, exit 2: a CI gate with a mistyped folder must not pass)" };

    /// <summary>The command with options of its own: each command line gets new option objects, so in-process runs can go in parallel.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CliContext context) => new CheckCommand().Build(stdout, stderr, context);

    private Command Build(TextWriter stdout, TextWriter stderr, CliContext context)
    {
        var batch = new BatchOptions();
        var cmd = new Command("check", "Decide whether each test's condition is reachable: Never, Sometimes or Always")
        {
            Paths, _common.Model, _common.Bell, _common.Macros, Format, States, Witness, Graph, Expect, AllowEmpty, _common.Timeout, _common.Engine,
        };
        foreach (var option in batch.All) cmd.Options.Add(option);
        cmd.SetAction(parse => Run(parse, batch, stdout, stderr, context));
        return cmd;
    }

    private int Run(ParseResult parse, BatchOptions batchOptions, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        var herd = parse.GetValue(Format) == "herd";
        LitmusChecker.Prepare(); // the solver's start-up overlaps reading the model
        ModelSpec model;
        List<string> files;
        BatchOptions.Values batch;
        try
        {
            batch = batchOptions.Read(parse, context.CurrentDirectory);
            model = ModelLoader.Load(parse.GetValue(_common.Model)!, parse.GetValue(_common.Bell), parse.GetValue(_common.Macros));
            var selected = TestFiles.Expand(parse.GetValue(Paths)!);
            if (selected.Count == 0 && !parse.GetValue(AllowEmpty)) throw EmptySelection(parse.GetValue(Paths)!);
            files = selected.Where(f => batch.Shard.Contains(DisplayPath.Of(f, context.CurrentDirectory))).ToList();
        }
        catch (LitmusInputException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            if (parse.GetValue(batchOptions.Annotations))
                foreach (var d in e.Diagnostics) stdout.WriteLine(AnnotationSink.At(d, context.CurrentDirectory));
            return ExitCodes.BadInput;
        }

        if (parse.GetValue(Graph) is { } graphDir && GraphSink.Prepare(graphDir) is { } graphError)
        {
            stderr.WriteLine(graphError);
            return ExitCodes.BadInput;
        }
        var options = new CheckOptions
        {
            States = parse.GetValue(States) || herd, CountExecutions = herd,
            Witness = parse.GetValue(Witness) || batch.WantsWitnesses || parse.GetValue(Graph) is not null,
            Timeout = _common.TimeLimit(parse),
            Engine = parse.GetValue(_common.Engine),
            ListingWorkers = OrderedParallelRun.CoresPerTest(batch.Jobs, files.Count),
        };
        // A folder's own model applies only when the command line names none.
        var folderModels = parse.GetResult(_common.Model) is null or { Implicit: true } ? new FolderModels() : null;
        var run = new CheckRun(stdout, stderr, context)
        {
            Reporter = herd ? new HerdReporter(stdout, stderr) : new TextReporter(stdout, stderr, model.Name),
            ModelName = model.Name,
            NewChecker = () =>
            {
                var checker = context.CreateChecker(model, options);
                checker.FolderModels = folderModels;
                return checker;
            },
            EnforceExpectations = parse.GetValue(Expect) || batch.Table is not null,
            Batch = batch,
            Sinks = [.. Sinks(batch, stdout, context), .. parse.GetValue(Graph) is { } dir ? [new GraphSink(dir, stderr)] : Array.Empty<IResultSink>()],
            PrintWitnesses = parse.GetValue(Witness),
            HerdFormat = herd,
        };
        try
        {
            return run.Execute(files);
        }
        catch (SolverUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>No test in the folders given: most likely a mistyped folder, which must not pass a CI gate silently.</summary>
    private static LitmusInputException EmptySelection(string[] paths) =>
        new(SourceSpan.At(paths[0], 1, 1),
            $"no tests selected: {string.Join(", ", paths)} {(paths.Length == 1 ? "holds" : "hold")} no *.litmus files (--allow-empty accepts an empty selection)");

    private static List<IResultSink> Sinks(BatchOptions.Values batch, TextWriter stdout, CliContext context)
    {
        var sinks = new List<IResultSink>();
        if (batch.JUnit is { } junit) sinks.Add(new JUnitSink(junit));
        if (batch.Json is { } json) sinks.Add(new JsonSink(json, context.CurrentDirectory));
        if (batch.Annotations) sinks.Add(new AnnotationSink(stdout, context.CurrentDirectory));
        return sinks;
    }
}

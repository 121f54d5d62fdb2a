using System.CommandLine;
using Litmus.Checking;
using Litmus.Cli.Batch;
using Litmus.Cli.Output;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// <c>litmus conformance CORPUS</c>: runs a corpus against a reference verdict table (herd7's) and prints the
/// agreement per folder and every disagreement, so the figure in docs/conformance.md can be re-measured.
/// </summary>
public sealed class ConformanceCommand
{
    private readonly CommonOptions _common = new();

    private readonly Argument<string> Corpus = new("corpus") { Description = "The corpus folder (holding the tests and verdicts.tsv)" };
    private readonly Option<string?> Verdicts = new("--verdicts") { Description = "The verdict table (default: CORPUS/verdicts.tsv)" };
    private readonly Option<string[]> Folders = new("--folder") { Description = "Only tests under these sub-folders (repeatable)" };
    private readonly Option<bool> Counts = new("--states") { Description = "Also list the final states and count the executions (herd format), and compare States, Positive and Negative with the table" };
    private readonly Option<int?> Stage = new("--max-stage") { Description = "Only tests whose features.tsv stage is at most this (1 = marked accesses and fences, 2 = + dependencies, if, plain, pointers, 3 = + atomics, 4 = + RCU, 5 = + locks)" };

    private readonly Option<int> Jobs = new("--jobs", "-j") { HelpName = "N", Description = "Check this many tests at once (default, or 0: one per processor)", DefaultValueFactory = _ => 0 };

    /// <summary>The command with options of its own: each command line gets new option objects, so in-process runs can go in parallel.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => new ConformanceCommand().Build(stdout, stderr);

    private Command Build(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("conformance", "Compare verdicts with a reference table (herd7's) over a corpus")
        {
            Corpus, Verdicts, Folders, Stage, Counts, Jobs, _common.Model, _common.Bell, _common.Macros, _common.Timeout, _common.Engine,
        };
        cmd.SetAction(parse => Run(parse, stdout, stderr));
        return cmd;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var root = parse.GetValue(Corpus)!;
        var table = parse.GetValue(Verdicts) ?? Path.Combine(root, "verdicts.tsv");
        ModelSpec model;
        IReadOnlyList<ReferenceVerdict> rows;
        try
        {
            model = ModelLoader.Load(parse.GetValue(_common.Model)!, parse.GetValue(_common.Bell), parse.GetValue(_common.Macros));
            rows = VerdictTable.Read(table);
        }
        catch (LitmusInputException e)
        {
            stderr.WriteLine(string.Join(Environment.NewLine, e.Diagnostics));
            return ExitCodes.BadInput;
        }
        List<ReferenceVerdict> selected;
        try { selected = Select(rows, root, parse.GetValue(Folders) ?? [], parse.GetValue(Stage)); }
        catch (LitmusInputException e)
        {
            stderr.WriteLine(string.Join(Environment.NewLine, e.Diagnostics));
            return ExitCodes.BadInput;
        }
        var options = new CheckOptions { Timeout = _common.TimeLimit(parse) ?? TimeSpan.FromSeconds(60), States = parse.GetValue(Counts), CountExecutions = parse.GetValue(Counts), Engine = parse.GetValue(_common.Engine) };
        var jobs = parse.GetValue(Jobs);
        var report = new ConformanceReport(stdout);
        try
        {
            var index = 0;
            OrderedParallelRun.Run(selected.Select(r => Path.Combine(root, r.Path)).ToList(), jobs <= 0 ? Environment.ProcessorCount : jobs,
                () => LitmusChecker.Create(model, options), result => report.Add(selected[index++], result));
        }
        catch (SolverUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        report.Print(model.Name);
        return report.Disagreements > 0 ? ExitCodes.ExpectationFailed : ExitCodes.Success;
    }

    private static List<ReferenceVerdict> Select(IReadOnlyList<ReferenceVerdict> rows, string root, string[] folders, int? maxStage)
    {
        var stages = maxStage is null ? null : FeatureStages(Path.Combine(root, "features.tsv"));
        return rows.Where(r => folders.Length == 0 || folders.Any(f => r.Path.StartsWith(f.TrimEnd('/') + "/", StringComparison.Ordinal)))
                   .Where(r => stages is null || (stages.TryGetValue(r.Path, out var s) && s <= maxStage))
                   .ToList();
    }

    private static Dictionary<string, int> FeatureStages(string file)
    {
        var rows = TsvRow.Read(file).ToList();
        var stage = rows.Count == 0 ? -1 : rows[0].IndexOf("stage");
        return rows.Skip(1).Where(r => int.TryParse(r.Field(stage), out _))
            .ToDictionary(r => r.Fields[0], r => int.Parse(r.Field(stage)!));
    }
}

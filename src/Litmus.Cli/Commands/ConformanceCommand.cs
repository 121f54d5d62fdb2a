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
public static class ConformanceCommand
{
    private static readonly Argument<string> Corpus = new("corpus") { Description = "The corpus folder (holding the tests and verdicts.tsv)" };
    private static readonly Option<string?> Verdicts = new("--verdicts") { Description = "The verdict table (default: CORPUS/verdicts.tsv)" };
    private static readonly Option<string[]> Folders = new("--folder") { Description = "Only tests under these sub-folders (repeatable)" };
    private static readonly Option<bool> Counts = new("--states") { Description = "Also list the final states and count the executions (herd format), and compare States, Positive and Negative with the table" };
    private static readonly Option<int?> Stage = new("--max-stage") { Description = "Only tests whose features.tsv stage is at most this (1 = marked accesses and fences, 2 = + dependencies, if, plain, pointers, 3 = + atomics, 4 = + RCU, 5 = + locks)" };

    private static readonly Option<int> Jobs = new("--jobs", "-j") { HelpName = "N", Description = "Check this many tests at once (default, or 0: one per processor)", DefaultValueFactory = _ => 0 };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("conformance", "Compare verdicts with a reference table (herd7's) over a corpus")
        {
            Corpus, Verdicts, Folders, Stage, Counts, Jobs, CommonOptions.Model, CommonOptions.Bell, CommonOptions.Macros, CommonOptions.Timeout,
        };
        cmd.SetAction(parse => Run(parse, stdout, stderr));
        return cmd;
    }

    private static int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var root = parse.GetValue(Corpus)!;
        var table = parse.GetValue(Verdicts) ?? Path.Combine(root, "verdicts.tsv");
        ModelSpec model;
        IReadOnlyList<ReferenceVerdict> rows;
        ModelSpec LoadModel() => ModelLoader.Load(parse.GetValue(CommonOptions.Model)!, parse.GetValue(CommonOptions.Bell), parse.GetValue(CommonOptions.Macros));
        try
        {
            model = LoadModel();
            rows = VerdictTable.Read(table);
        }
        catch (Exception e) when (e is LitmusInputException or IOException or FormatException)
        {
            stderr.WriteLine(e is LitmusInputException l ? string.Join(Environment.NewLine, l.Diagnostics) : $"{table}: {e.Message}");
            return ExitCodes.BadInput;
        }
        var selected = Select(rows, root, parse.GetValue(Folders) ?? [], parse.GetValue(Stage));
        var options = new CheckOptions { Timeout = TimeSpan.FromSeconds(parse.GetValue(CommonOptions.Timeout) ?? 60), States = parse.GetValue(Counts), CountExecutions = parse.GetValue(Counts) };
        var jobs = parse.GetValue(Jobs);
        var report = new ConformanceReport(stdout);
        try
        {
            var index = 0;
            // As in check: the first worker takes the model loaded above, the others load their own (a model's include cache is not thread-safe).
            ModelSpec? unclaimed = model;
            OrderedParallelRun.Run(selected.Select(r => Path.Combine(root, r.Path)).ToList(), jobs <= 0 ? Environment.ProcessorCount : jobs,
                () => LitmusChecker.Create(Interlocked.Exchange(ref unclaimed, null) ?? LoadModel(), options), result => report.Add(selected[index++], result));
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
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split('\t');
        var stage = Array.IndexOf(header, "stage");
        return lines.Skip(1).Select(l => l.Split('\t'))
            .Where(f => f.Length > stage && int.TryParse(f[stage], out _))
            .ToDictionary(f => f[0], f => int.Parse(f[stage]));
    }
}

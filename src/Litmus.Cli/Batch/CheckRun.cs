using Litmus.Checking;
using Litmus.Cli.Output;

namespace Litmus.Cli.Batch;

/// <summary>
/// One <c>litmus check</c> run over its files: checks them (in parallel when asked), judges each result against
/// its expectation and the baseline, feeds the reporter and the sinks in input order, and works out the exit code.
/// </summary>
public sealed class CheckRun(TextWriter stdout, TextWriter stderr, CliContext context)
{
    public required IReporter Reporter { get; init; }
    public required string ModelName { get; init; }
    public required Func<LitmusChecker> NewChecker { get; init; }
    public required bool EnforceExpectations { get; init; }
    public required Commands.BatchOptions.Values Batch { get; init; }
    public IReadOnlyList<IResultSink> Sinks { get; init; } = [];
    /// <summary>Witnesses computed only for the reports are kept out of the text output.</summary>
    public bool PrintWitnesses { get; init; }
    /// <summary>herd's format keeps stdout for herd's blocks; the baseline comparison goes to stderr then.</summary>
    public bool HerdFormat { get; init; }

    public int Execute(IReadOnlyList<string> files)
    {
        var summary = new RunSummary();
        var outcomes = new List<TestOutcome>();
        var progress = new ProgressLine(stderr, context.ShowsProgress, files.Count);
        progress.Show(0, "");
        OrderedParallelRun.Run(files, Batch.Jobs, NewChecker, result =>
        {
            var outcome = Judge(result);
            outcomes.Add(outcome);
            summary.Add(outcome.Result, outcome.Judgement);
            progress.Clear();
            Reporter.Report(PrintWitnesses ? outcome.Result : outcome.Result with { Witness = null }, outcome.Judgement);
            foreach (var sink in Sinks) sink.Add(outcome);
            progress.Show(outcomes.Count, outcome.Result.Name);
        });
        progress.Clear();

        Reporter.Finish(summary);
        Batch.Baseline?.Print(HerdFormat ? stderr : stdout);
        var exit = ExitCodes.Of(summary.Errors, summary.Undecided, outcomes.Count(o => o.Fails));
        try
        {
            if (Batch.SaveBaseline is { } file) BaselineFile.Write(file, outcomes.Select(o => o.Now), ModelName);
            var end = new RunEnd(ModelName, exit, Batch.Baseline?.Removed ?? []);
            foreach (var sink in Sinks) sink.Finish(end);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"litmus: cannot write a report: {e.Message}");
            return ExitCodes.BadInput;
        }
        return exit;
    }

    private TestOutcome Judge(TestResult result)
    {
        if (Batch.Table is { } table) result = result with { Expected = table.For(result.Path, context.CurrentDirectory) };
        var outcome = new TestOutcome(result, DisplayPath.Of(result.Path, context.CurrentDirectory), Expectations.Judge(result), EnforceExpectations);
        return Batch.Baseline?.Compare(outcome) ?? outcome;
    }
}

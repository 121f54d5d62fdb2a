using Litmus.Cli.Batch;

namespace Litmus.Cli.Output;

/// <summary>A machine-readable report (JUnit, JSON, CI annotations): receives every outcome, writes at the end.</summary>
public interface IResultSink
{
    void Add(TestOutcome outcome);
    void Finish(RunEnd end);
}

/// <summary>What is known only when the run is over.</summary>
public sealed record RunEnd(string Model, int ExitCode, IReadOnlyList<BaselineEntry> Removed);

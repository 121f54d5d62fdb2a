using Litmus.Checking;

namespace Litmus.Cli.Output;

/// <summary>Prints results as they come and a summary at the end.</summary>
public interface IReporter
{
    void Report(TestResult result, Judgement judgement);
    void Finish(RunSummary summary);
}

/// <summary>Counts over a run.</summary>
public sealed class RunSummary
{
    public int Tests { get; private set; }
    public int Matched { get; private set; }
    public int Mismatched { get; private set; }
    public int Errors { get; private set; }
    public int Undecided { get; private set; }
    public int WithoutExpectation { get; private set; }

    public void Add(TestResult r, Judgement j)
    {
        Tests++;
        if (r.IsError) Errors++;
        else if (r.Unknown is not null) Undecided++;
        else if (j == Judgement.Match) Matched++;
        else if (j == Judgement.Mismatch) Mismatched++;
        else WithoutExpectation++;
    }
}

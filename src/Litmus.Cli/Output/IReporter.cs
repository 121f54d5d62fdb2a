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

    /// <summary>Tests counted by verdict (row) and by how they compare with their expectation (column).</summary>
    public Dictionary<(string Verdict, string Status), int> ByVerdictAndStatus { get; } = [];

    public void Add(TestResult r, Judgement j)
    {
        Tests++;
        string status;
        if (r.IsError) { Errors++; status = "error"; }
        else if (r.Unknown is not null) { Undecided++; status = "undecided"; }
        else if (j == Judgement.Match) { Matched++; status = "ok"; }
        else if (j == Judgement.Mismatch) { Mismatched++; status = "mismatched"; }
        else { WithoutExpectation++; status = "no expectation"; }
        var verdict = r.IsError ? "error" : r.Unknown is not null ? "unknown" : r.VerdictWord!;
        ByVerdictAndStatus[(verdict, status)] = ByVerdictAndStatus.GetValueOrDefault((verdict, status)) + 1;
    }
}

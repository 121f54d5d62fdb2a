using Litmus.Checking;

namespace Litmus.Cli.Batch;

/// <summary>How a test compares with the baseline given by <c>--baseline</c>.</summary>
public enum BaselineChange { Same, Changed, New }

/// <summary>
/// One checked test with everything judged about it: its expectation, its baseline, and whether it fails the run.
/// Every report (text, JUnit, JSON, annotations, exit code) reads these, so they cannot disagree.
/// </summary>
public sealed record TestOutcome(
    TestResult Result,
    string DisplayPath,
    Judgement Judgement,
    bool ExpectationsEnforced,
    BaselineEntry? Was = null,
    BaselineChange? Baseline = null)
{
    public bool IsError => Result.IsError;
    public bool IsUndecided => !IsError && Result.Unknown is not null;
    public bool IsMismatch => Judgement == Judgement.Mismatch;
    public bool IsChanged => Baseline == BaselineChange.Changed;

    /// <summary>Makes the run exit 1: a verdict or flag that differs from an enforced expectation or from the baseline.</summary>
    public bool Fails => !IsError && !IsUndecided && ((ExpectationsEnforced && IsMismatch) || IsChanged);

    /// <summary>One word, as documented in docs/json-schema.md: error, undecided, mismatch, changed, ok or unchecked.</summary>
    public string Status =>
        IsError ? "error" : IsUndecided ? "undecided" : IsMismatch ? "mismatch" : IsChanged ? "changed"
        : Judgement == Judgement.Match || Baseline == BaselineChange.Same ? "ok" : "unchecked";

    public BaselineEntry Now => BaselineEntry.Of(Result, DisplayPath);

    /// <summary>Why the test is not as it should be, in one line; null when it is.</summary>
    public string? Problem
    {
        get
        {
            if (IsError) return string.Join("; ", Result.Errors.Select(d => d.Message));
            if (IsUndecided) return $"undecided: {Result.Unknown}";
            if (!IsMismatch && !IsChanged) return null;
            var against = new List<string>();
            if (IsMismatch) against.Add($"expected {Expectations.Describe(Result.Expected!)}");
            if (IsChanged) against.Add($"was {Was!.Describe()} in the baseline");
            return $"verdict {Now.Describe()}, {string.Join(", ", against)}";
        }
    }
}

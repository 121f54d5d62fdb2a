namespace Litmus.Checking;

/// <summary>
/// What deciding a test found, by the solver or over every candidate: whether the proposition can hold and can
/// fail among the allowed executions, the flags they raise, an execution that reaches the outcome, the axioms
/// that alone forbid it, and the states and execution counts, each when asked for.
/// </summary>
internal sealed record Decision(
    bool Hold, bool Fail, IReadOnlyList<string> Flags, Witness? Witness, IReadOnlyList<string> ForbiddenBy, ExecutionListing? Listing);

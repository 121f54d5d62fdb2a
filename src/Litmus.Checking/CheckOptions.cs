using Litmus.Events;

namespace Litmus.Checking;

public sealed record CheckOptions
{
    /// <summary>Enumerate the reachable final states (herd's States block).</summary>
    public bool States { get; init; }
    /// <summary>Describe an execution that satisfies the proposition, when one exists.</summary>
    public bool Witness { get; init; }
    /// <summary>Solver time limit per query; null for none.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>More states than this are not listed (the count is still exact up to it).</summary>
    public int MaxStates { get; init; } = 10_000;
    public EventOptions Events { get; init; } = new();
}

using Litmus.Events;

namespace Litmus.Checking;

public sealed record CheckOptions
{
    /// <summary>Enumerate the reachable final states (herd's States block).</summary>
    public bool States { get; init; }
    /// <summary>With the states, count the executions as herd does (its Positive/Negative): one more check per state.</summary>
    public bool CountExecutions { get; init; }
    /// <summary>Describe an execution that satisfies the proposition, when one exists.</summary>
    public bool Witness { get; init; }
    /// <summary>
    /// Time limit of each test, from the start of its encoding to its last solver question (verdict, flags,
    /// states); null for none. A test that reaches it is undecided, never given a partial answer.
    /// </summary>
    public TimeSpan? Timeout { get; init; }
    public EventOptions Events { get; init; } = new();
    /// <summary>
    /// Self-check while listing states: every execution the solver returns must also pass the explicit check of
    /// one execution (the model run over bit sets); a disagreement is an encoding bug and throws. For tests.
    /// </summary>
    public bool VerifyExplicitly { get; init; }
    /// <summary>
    /// List states by explicit checks of neighbouring executions, the solver only proving completeness (on by
    /// default); off, every state and execution is found by a solver check (slower; kept to compare the two).
    /// </summary>
    public bool ExplicitListing { get; init; } = true;
    /// <summary>With <see cref="ExplicitListing"/>, how many states the solver lists alone before explicit checks take over.</summary>
    public int SolverStatesFirst { get; init; } = StateEnumerator.SolverStatesFirst;
}

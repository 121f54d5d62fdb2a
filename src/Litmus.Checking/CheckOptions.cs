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
    /// <summary>How tests are decided: see <see cref="DecisionEngine"/>.</summary>
    public DecisionEngine Engine { get; init; }
    /// <summary>
    /// Under <see cref="DecisionEngine.Auto"/>, a test with at most this many candidate executions is decided by
    /// running the model on each, when only its verdict and flags are asked (measured: docs/performance.md).
    /// </summary>
    public const long ExplicitCandidatesVerdict = 8192;
    /// <summary>
    /// Under <see cref="DecisionEngine.Auto"/>, when only the verdict and flags are asked, the most runs of the model
    /// before the solver takes over: a test whose outcome shows early stops early, one that must refute every
    /// candidate is often cheaper for the solver (measured: docs/performance.md).
    /// </summary>
    public const long ExplicitRunsVerdict = 1024;

    /// <summary>The most runs of the model on candidates before the solver takes over.</summary>
    public long ExplicitRunLimit => Engine == DecisionEngine.Auto && !States ? ExplicitRunsVerdict : long.MaxValue;
    /// <summary>The same, when the states are listed: that needs every allowed execution anyway.</summary>
    public const long ExplicitCandidatesListing = 100_000;

    /// <summary>
    /// Threads that share out the candidates of one long listing (each runs the model on every n-th). One by default;
    /// a caller that checks one test at a time gives it the cores its other work leaves idle.
    /// </summary>
    public int ListingWorkers { get; init; } = 1;

    /// <summary>Candidates (an upper bound) from which a listing is shared out at all: fewer are checked sooner than a worker starts.</summary>
    public long ListingSharedFrom { get; init; } = 2048;

    /// <summary>The most candidates a test may have to be decided by running the model on each.</summary>
    public long ExplicitCandidateLimit => Engine switch
    {
        DecisionEngine.Solver => 0,
        DecisionEngine.Explicit => long.MaxValue / 2,
        _ => States ? ExplicitCandidatesListing : ExplicitCandidatesVerdict,
    };
}

/// <summary>How a test is decided.</summary>
public enum DecisionEngine
{
    /// <summary>By running the model on every candidate execution when they are few, otherwise by the solver.</summary>
    Auto,
    /// <summary>Always by the solver (Z3), with the model encoded symbolically.</summary>
    Solver,
    /// <summary>
    /// By running the model on every candidate execution whenever that applies (not for models that choose, values
    /// on a cycle, membarrier handlers), however many there are; by the solver otherwise.
    /// </summary>
    Explicit,
}

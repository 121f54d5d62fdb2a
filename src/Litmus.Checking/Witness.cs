using Litmus.Events;
using Litmus.Syntax.Ast;

namespace Litmus.Checking;

/// <summary>
/// An execution the solver found that reaches the condition's outcome, as data read off the solver's model:
/// the events that happened with their addresses and values, rf, co, where each membarrier's handlers ran, and
/// the final values. Values are shown as herd shows them (a location's address by its name). People read it
/// through the renderers in <c>Litmus.Cli/Output</c> (text, Graphviz DOT, JSON); nothing here is formatted.
/// </summary>
public sealed record Witness(
    string TestName,
    Quantifier Quantifier,
    int ThreadCount,
    IReadOnlyList<WitnessEvent> Events,
    IReadOnlyList<ReadFrom> ReadsFrom,
    IReadOnlyList<CoherenceOrder> Coherence,
    IReadOnlyList<MembarrierPlacement> Membarriers,
    IReadOnlyList<HandlerOrder> HandlerOrders,
    IReadOnlyList<(string Location, string Value)> FinalValues)
{
    private Dictionary<int, WitnessEvent>? _byId;

    public WitnessEvent Event(int id) => (_byId ??= Events.ToDictionary(e => e.Id))[id];

    /// <summary>The events of thread <paramref name="thread"/> that happened, in the program's event order (handler events included).</summary>
    public IEnumerable<WitnessEvent> ThreadEvents(int thread) => Events.Where(e => e.Thread == thread);

    /// <summary>
    /// Whether, in <paramref name="target"/>, the handler of call <paramref name="first"/> ran before that of
    /// <paramref name="second"/>; null when the execution does not order them (they do not share the thread).
    /// </summary>
    public bool? HandlerRanFirst(int first, int second, int target)
    {
        foreach (var o in HandlerOrders)
        {
            if (o.Target != target) continue;
            if (o.First == first && o.Second == second) return o.FirstRanFirst;
            if (o.First == second && o.Second == first) return !o.FirstRanFirst;
        }
        return null;
    }
}

/// <summary>
/// One event that happened. <see cref="Address"/> and <see cref="Value"/> are shown values (null where the event has
/// none). <see cref="AtHiddenLocation"/>: it accesses one of the engine's own handshake locations.
/// <see cref="MembarrierFence"/>: one of the full barriers a membarrier call runs (<see cref="RepeatsCallFence"/>: not the first of them).
/// </summary>
public sealed record WitnessEvent(
    int Id, int Thread, int Position, EventKind Kind, int Line, string Text, string? Address, string? Value,
    bool AtHiddenLocation, bool MembarrierFence, bool RepeatsCallFence)
{
    public bool IsInit => Thread < 0;
    public bool IsMemory => Kind is EventKind.Read or EventKind.Write;
    /// <summary>An event of a membarrier handler: it has no fixed place in its thread's program order.</summary>
    public bool IsHandlerEvent => Position < 0;
}

/// <summary>Read <see cref="Read"/> took its value from write <see cref="Write"/> (event ids).</summary>
public readonly record struct ReadFrom(int Write, int Read);

/// <summary>The writes to one visible location that happened, in coherence order (event ids).</summary>
public sealed record CoherenceOrder(string Location, IReadOnlyList<int> Writes);

/// <summary>A membarrier call that happened, and where the handler it added to each targeted thread ran.</summary>
public sealed record MembarrierPlacement(int Call, int Thread, int Line, string Command, IReadOnlyList<HandlerPlacement> Handlers);

/// <summary>
/// The handler of one call in thread <see cref="Target"/>: <see cref="Before"/> holds the ids of the target's own
/// events (those with a place in its program order) that came before it.
/// </summary>
public sealed record HandlerPlacement(int Target, IReadOnlySet<int> Before);

/// <summary>Two calls' handlers in one thread <see cref="Target"/>: whether <see cref="First"/>'s ran before <see cref="Second"/>'s.</summary>
public readonly record struct HandlerOrder(int First, int Second, int Target, bool FirstRanFirst);

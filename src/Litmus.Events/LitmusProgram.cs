using Litmus.Logic;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>
/// A litmus test turned into events: the initial writes (one per location, ids 0..L-1), then each thread's events
/// in program order, with the static relations the source determines (rmw and dependencies) and the final value
/// of every register. rf, co and everything derived from them belong to the encoding, not here.
/// </summary>
public sealed class LitmusProgram
{
    public required LitmusTest Test { get; init; }
    public required TermFactory Terms { get; init; }
    public required IReadOnlyList<Location> Locations { get; init; }
    public required IReadOnlyList<Event> Events { get; init; }
    public required int ThreadCount { get; init; }
    public required IReadOnlyList<Edge> Rmw { get; init; }
    /// <summary>The rmw edges (read to write) of C11 read-modify-writes, which herd's C front end makes one event (see ExecutionRelations).</summary>
    public IReadOnlyList<Edge> SingleEventRmw { get; init; } = [];
    public required IReadOnlyList<Edge> Addr { get; init; }
    public required IReadOnlyList<Edge> Data { get; init; }
    public required IReadOnlyList<Edge> Ctrl { get; init; }
    /// <summary>Final value of each register that a thread names, keyed by (thread, register).</summary>
    public required IReadOnlyDictionary<(int Thread, string Register), Term> FinalRegisters { get; init; }
    /// <summary>The sys_membarrier() calls that order, with the handler each adds to each targeted thread.</summary>
    public IReadOnlyList<MembarrierCall> Membarriers { get; init; } = [];
    /// <summary>Pairs of a thread's own events that the compiler keeps in program order (where a handler may not fall between reversed).</summary>
    public IReadOnlyList<CompilerOrder> CompilerOrder { get; init; } = [];
    /// <summary>Runs of a thread's events that a handler never splits: the two halves of a membarrier call, rseq critical sections.</summary>
    public IReadOnlyList<SameSideGroup> SameSideGroups { get; init; } = [];
    /// <summary>Problems that do not stop checking but must be reported (an unregistered expedited membarrier: -EPERM).</summary>
    public IReadOnlyList<Syntax.Diagnostic> Warnings { get; init; } = [];

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "a question asked of a program about its events; callers hold the program")]
    public bool IsHandlerEvent(Event e) => e.Position < 0;

    public Location? FindLocation(string name) => Locations.FirstOrDefault(l => l.Name == name);

    public IEnumerable<Event> ThreadEvents(int thread) => Events.Where(e => e.Thread == thread);
}

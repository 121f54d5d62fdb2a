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
    /// <summary>
    /// Every operation a thread computes (arithmetic, a comparison, a branch condition, an RMW's new value or test),
    /// with the guard under which it is computed. herd's solver must solve each one on the executed path, or it drops
    /// the execution (see ExecutionRelations.PathsSolved).
    /// </summary>
    public IReadOnlyList<Computation> Computations { get; init; } = [];
    /// <summary>Reads whose value a successful compare-and-exchange equates with the expected value (herd solves them by it).</summary>
    public IReadOnlyList<Pin> Pins { get; init; } = [];
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

/// <summary>An operation a thread computes (<see cref="Term"/>, not a constant nor a plain value) when <see cref="Guard"/> holds.</summary>
public sealed record Computation(Term Guard, Term Term);

/// <summary>When <see cref="When"/> holds, read <see cref="Read"/>'s value is <see cref="Value"/> (a successful compare-and-exchange).</summary>
public sealed record Pin(int Read, Term When, Term Value);

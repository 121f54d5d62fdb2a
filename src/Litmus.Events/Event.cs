using Litmus.Logic;
using Litmus.Syntax;

namespace Litmus.Events;

/// <summary>
/// Read, write, fence, or an SRCU grace period: synchronize_srcu() names its srcu_struct but is not a memory access.
/// (srcu_read_lock() and srcu_read_unlock() are a read and a write of the srcu_struct, as in herd's linux-kernel.def:
/// the index is the value read, and the unlock stores it back.)
/// </summary>
public enum EventKind { Read, Write, Fence, Srcu }

/// <summary>
/// One event of a test: a read, write, fence or SRCU event of one thread, an initial write (thread -1, also for the
/// hidden handshake locations of membarrier calls), or an event of a membarrier handler (read request, smp_mb(),
/// write acknowledgement), which belongs to the targeted thread at no fixed position (<see cref="Position"/> -1).
/// An event exists in an execution exactly when its <see cref="Guard"/> (the path condition of the branch it sits
/// in) holds; its address and value are symbolic terms, so one event stands for every value it may take.
/// </summary>
public sealed class Event
{
    public required int Id { get; init; }
    /// <summary>The thread index, or -1 for an initial write.</summary>
    public required int Thread { get; init; }
    public required EventKind Kind { get; init; }
    /// <summary>Annotations from the macro file (ONCE, MB, rmb, ...); empty for plain accesses.</summary>
    public required IReadOnlySet<string> Tags { get; init; }
    /// <summary>Instruction classes beyond the kind: RMW (part of a read-modify-write primitive), LKR, LKW, UL, LF, RL, RU.</summary>
    public required IReadOnlySet<string> Classes { get; init; }
    public required Term Guard { get; init; }
    /// <summary>The address accessed; null for fences that name no location.</summary>
    public required Term? Address { get; init; }
    /// <summary>The value written, or the fresh variable standing for the value read; null for fences.</summary>
    public required Term? Value { get; init; }
    /// <summary>Program-order position within its thread (0-based); -1 for a membarrier handler's events, whose place the solver chooses.</summary>
    public required int Position { get; init; }
    public required SourceSpan Span { get; init; }
    /// <summary>What the source said, e.g. <c>READ_ONCE(*x)</c>, for witnesses.</summary>
    public required string Text { get; init; }

    public bool IsInit => Thread < 0;
    public bool IsMemory => Kind is EventKind.Read or EventKind.Write;

    /// <summary>An SRCU operation: srcu_read_lock/unlock (an access of the srcu_struct) or synchronize_srcu().</summary>
    public bool IsSrcu => Kind == EventKind.Srcu || Tags.Contains("srcu-lock") || Tags.Contains("srcu-unlock");

    public override string ToString() => IsInit ? $"init {Text}" : $"P{Thread}:{Position} {Kind} {Text}";
}

/// <summary>A guarded edge of a static relation (rmw, addr, data, ctrl): it holds when <see cref="Condition"/> does.</summary>
public readonly record struct Edge(int From, int To, Term Condition);

/// <summary>A shared location: its name, its fixed address, and its initial value. Hidden ones are the engine's own (membarrier handshakes).</summary>
public sealed record Location(string Name, long Address, Term InitialValue, int InitEvent, SourceSpan Span, bool Hidden = false);

/// <summary>Events of one thread that lie on one side of a handler; <see cref="RseqOnly"/> groups bind only handlers of the RSEQ command.</summary>
public sealed record SameSideGroup(int Thread, IReadOnlyList<int> Events, bool RseqOnly);

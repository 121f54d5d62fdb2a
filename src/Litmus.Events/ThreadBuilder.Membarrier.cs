using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>sys_membarrier() in the calling thread, and rseq critical sections in any thread.</summary>
internal sealed partial class ThreadBuilder
{
    /// <summary>Commands registered so far in this thread's program order (plus the init block's).</summary>
    private HashSet<MembarrierCommand>? _registered;
    /// <summary>The events of the rseq critical section being built, if one is open.</summary>
    private List<int>? _rseq;
    private SourceSpan _rseqStart;

    private const long EPERM = 1;

    /// <summary>
    /// <c>__membarrier</c>: a command that orders becomes the caller's half of the handshake: smp_mb(); a
    /// request write per targeted thread; an acknowledgement read per targeted thread; smp_mb(). The handlers
    /// are added once all threads are known. QUERY answers the supported commands; REGISTER_* records a
    /// registration; an unregistered private expedited command returns -EPERM, orders nothing and is reported.
    /// The abstract call (<c>__membarrier()</c>, from <c>sys_membarrier()</c> and <c>smp_memb()</c>) targets as
    /// PRIVATE_EXPEDITED does and needs no registration; GLOBAL_EXPEDITED never needs the caller registered
    /// (Linux: registering only makes a process a target).
    /// </summary>
    private SymValue Membarrier(PrimitiveExpr p)
    {
        _registered ??= new HashSet<MembarrierCommand>(program.RegisteredByInit);
        var isAbstract = p.Arguments.Count == 0 && p.Tags.Count == 0;
        var cmd = isAbstract ? MembarrierCommand.PrivateExpedited : MembarrierCommandOf(p);
        if (cmd == MembarrierCommand.Query)
            return Const(Enum.GetValues<MembarrierCommand>().Aggregate(0L, (m, c) => m | (long)c));
        if (cmd.IsRegistration)
        {
            _registered.Add(cmd);
            return Const(0);
        }
        if (!isAbstract && MembarrierCommands.CallerMustRegister(cmd) is { } needed && !_registered.Contains(needed))
        {
            program.Warnings.Add(new Diagnostic(p.Span, Severity.Warning,
                $"{MembarrierCommands.Name(cmd)} in P{thread} without {MembarrierCommands.Name(needed)} returns -EPERM and orders nothing " +
                $"(register earlier in P{thread}, or add '{ProgramBuilder.RegistrationName} = {MembarrierCommands.Name(cmd)};' to the init block)"));
            return Const(-EPERM);
        }

        return Handshake(p, cmd, callerBarriers: true, handlerMb: true);
    }

    /// <summary>
    /// <c>__membarrier_ipi</c> (<c>membarrier_ipi()</c>, and <c>membarrier_ipi_nomb()</c> whose handler runs only a
    /// compiler barrier): the kernel's IPI step alone, for tests that model the implementation with their own
    /// barriers (a) and (c) around it. It interrupts the other threads of the caller's process and waits for them.
    /// </summary>
    private SymValue MembarrierIpi(PrimitiveExpr p, bool handlerMb)
    {
        if (p.Arguments.Count != 0) throw new LitmusInputException(p.Span, $"{p.Primitive} takes no argument");
        return Handshake(p, MembarrierCommand.PrivateExpedited, callerBarriers: false, handlerMb);
    }

    private SymValue Handshake(PrimitiveExpr p, MembarrierCommand cmd, bool callerBarriers, bool handlerMb)
    {
        var id = program.NextCallId;
        var text = _callText ?? Show(p);
        var mb = new HashSet<string> { "MB" };
        var requestPart = new List<int>();
        if (callerBarriers) requestPart.Add(Emit(EventKind.Fence, mb, NoTags, null, null, null, p.Span, text));
        var targets = new List<(int, int, int, Location, Location)>();
        var requests = new List<(int Target, int Write, Location Req, Location Ack)>();
        foreach (var b in program.Targets(thread, cmd))
        {
            var req = program.HandshakeLocation($"membarrier{id}.request.P{b}");
            var ack = program.HandshakeLocation($"membarrier{id}.ack.P{b}");
            var w = Emit(EventKind.Write, new HashSet<string> { "ONCE", "memb-request" }, NoTags, Const(req.Address), F.WordConst(1), null, p.Span, text);
            requestPart.Add(w);
            requests.Add((b, w, req, ack));
        }
        var ackPart = new List<int>();
        foreach (var (b, w, req, ack) in requests)
        {
            var r = program.NextEventId;
            Emit(EventKind.Read, new HashSet<string> { "ONCE", "memb-ack" }, NoTags, Const(ack.Address), F.WordVar($"v{r}"), null, p.Span, text);
            ackPart.Add(r);
            targets.Add((b, w, r, req, ack));
        }
        if (callerBarriers) ackPart.Add(Emit(EventKind.Fence, mb, NoTags, null, null, null, p.Span, text));
        // A handler of another membarrier may run while this thread waits (between its requests and its
        // acknowledgements), but not inside either half.
        if (requestPart.Count > 0) program.SameSideGroups.Add(new SameSideGroup(thread, requestPart, RseqOnly: false));
        if (ackPart.Count > 0) program.SameSideGroups.Add(new SameSideGroup(thread, ackPart, RseqOnly: false));
        program.RecordCall(new ProgramBuilder.PendingCall(id, thread, cmd, p.Span, _guard, targets, handlerMb));
        return Const(0);
    }

    private static MembarrierCommand MembarrierCommandOf(PrimitiveExpr p)
    {
        if (p.Arguments.Count == 0)
            return MembarrierCommands.Parse(p.Tags[0]) ?? throw new LitmusInputException(p.Span, $"unknown membarrier command '{p.Tags[0]}'");
        return p.Arguments[0] switch
        {
            NameExpr n => MembarrierCommands.Parse(n.Name)
                ?? throw new LitmusInputException(n.Span, $"unknown membarrier command '{n.Name}' (expected MEMBARRIER_CMD_PRIVATE_EXPEDITED, MEMBARRIER_CMD_GLOBAL, ...)"),
            IntLiteral i => MembarrierCommands.FromValue(i.Value)
                ?? throw new LitmusInputException(i.Span, $"{i.Value} is not a membarrier command"),
            var e => throw new LitmusInputException(e.Span, "the membarrier command must be written as a constant, e.g. MEMBARRIER_CMD_GLOBAL"),
        };
    }

    /// <summary><c>rseq_begin()</c> / <c>rseq_end()</c>: the events between them form a section an RSEQ handler never splits.</summary>
    private SymValue Rseq(PrimitiveExpr p, bool begin)
    {
        if (begin)
        {
            if (_rseq is not null) throw new LitmusInputException(p.Span, $"rseq_begin() inside the rseq critical section opened at line {_rseqStart.Line}");
            (_rseq, _rseqStart) = ([], p.Span);
            return Const(0);
        }
        if (_rseq is null) throw new LitmusInputException(p.Span, "rseq_end() without rseq_begin()");
        if (_rseq.Count > 0) program.SameSideGroups.Add(new SameSideGroup(thread, _rseq, RseqOnly: true));
        _rseq = null;
        return Const(0);
    }

    internal void FinishRseq()
    {
        if (_rseq is not null) throw new LitmusInputException(_rseqStart, "rseq critical section without rseq_end()");
    }

    private void NoteRseqEvent(int id) => _rseq?.Add(id);
}

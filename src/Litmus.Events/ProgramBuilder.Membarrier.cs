using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>
/// sys_membarrier(): which threads a call targets (processes from the scopes clause, registration), the
/// handshake locations, and, once every thread is built, the handler events of each call in each target.
/// </summary>
public sealed partial class ProgramBuilder
{
    /// <summary>The init line <c>membarrier_registered = MEMBARRIER_CMD_PRIVATE_EXPEDITED;</c> registers every process for a command.</summary>
    public const string RegistrationName = "membarrier_registered";

    internal List<Diagnostic> Warnings { get; } = [];
    internal List<SameSideGroup> SameSideGroups { get; } = [];
    internal HashSet<MembarrierCommand> RegisteredByInit { get; } = [];
    private readonly List<PendingCall> _calls = [];
    private readonly List<CompilerOrder> _compilerOrder = [];
    private Dictionary<int, int> _process = new();

    /// <summary>A call recorded while its thread was built; handlers are added when all threads are known.</summary>
    internal sealed record PendingCall(int Id, int Thread, MembarrierCommand Command, SourceSpan Span, Term Guard,
        IReadOnlyList<(int Target, int RequestWrite, int AckRead, Location Request, Location Ack)> Targets, bool HandlerMb = true);

    private static bool IsRegistrationLine(InitItem i) => i.Thread is null && i.Name == RegistrationName;

    private void ReadMembarrierSetup()
    {
        foreach (var item in _test.Init.Where(IsRegistrationLine))
        {
            var cmd = item.Value switch
            {
                NameExpr n => MembarrierCommands.Parse(n.Name),
                IntLiteral i => MembarrierCommands.FromValue(i.Value),
                _ => null,
            } ?? throw new LitmusInputException(item.Span, $"{RegistrationName} takes a membarrier command, e.g. MEMBARRIER_CMD_PRIVATE_EXPEDITED");
            RegisteredByInit.Add(cmd);
            if (MembarrierCommands.RegistrationFor(cmd) is { } reg) RegisteredByInit.Add(reg);
        }
        _process = Processes(_test);
    }

    /// <summary>
    /// Processes from herd's scope tree: each <c>(proc P0 P1)</c> node is one, and a thread no group lists is a
    /// process of its own; without a clause, all threads are one process.
    /// </summary>
    private static Dictionary<int, int> Processes(LitmusTest test)
    {
        if (test.Scopes is null) return test.Threads.ToDictionary(t => t.Index, _ => 0);
        var map = test.Threads.ToDictionary(t => t.Index, t => -1 - t.Index);
        var next = 0;
        void Walk(ScopeTree node, int? inherited)
        {
            var proc = node.Kind == "proc" ? next++ : inherited;
            foreach (var t in node.Threads) map[t] = proc ?? 0;
            foreach (var c in node.Children) Walk(c, proc);
        }
        Walk(test.Scopes, null);
        return map;
    }

    /// <summary>
    /// The threads a call interrupts: the other threads of the caller's process (private commands), every other
    /// thread (GLOBAL), or the other threads of processes registered for it (GLOBAL_EXPEDITED).
    /// </summary>
    internal IReadOnlyList<int> Targets(int caller, MembarrierCommand cmd) => cmd switch
    {
        MembarrierCommand.Global => _test.Threads.Select(t => t.Index).Where(t => t != caller).Order().ToList(),
        MembarrierCommand.GlobalExpedited => _test.Threads.Select(t => t.Index)
            .Where(t => t != caller && ProcessRegisteredForGlobalExpedited(_process[t])).Order().ToList(),
        _ => _test.Threads.Select(t => t.Index).Where(t => t != caller && _process[t] == _process[caller]).Order().ToList(),
    };

    /// <summary>A process is registered for GLOBAL_EXPEDITED by the init line or a REGISTER call in any of its threads.</summary>
    private bool ProcessRegisteredForGlobalExpedited(int process) =>
        RegisteredByInit.Contains(MembarrierCommand.RegisterGlobalExpedited)
        || _test.Threads.Where(t => _process[t.Index] == process).Any(t => MentionsCall(t.Body, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"));

    private static bool MentionsCall(Stmt s, string command) => s switch
    {
        BlockStmt b => b.Statements.Any(x => MentionsCall(x, command)),
        IfStmt i => MentionsCall(i.Then, command) || (i.Else is not null && MentionsCall(i.Else, command)),
        ExprStmt e => Mentions(e.Expression, command),
        DeclStmt d => d.Initializer is not null && Mentions(d.Initializer, command),
        _ => false,
    };

    private static bool Mentions(Expr e, string command) => e switch
    {
        CallExpr c => c.Arguments.Any(a => a is NameExpr n && MembarrierCommands.Parse(n.Name) == MembarrierCommands.Parse(command)) || c.Arguments.Any(a => Mentions(a, command)),
        AssignExpr a => Mentions(a.Value, command),
        _ => false,
    };

    /// <summary>A fresh location for a handshake variable: no test can name it, and outputs hide it.</summary>
    internal Location HandshakeLocation(string name)
    {
        var address = AddressBase + _locations.Count * AddressStride;
        var id = AddEvent(new Event
        {
            Id = NextEventId, Thread = -1, Kind = EventKind.Write, Tags = EmptySet, Classes = EmptySet, Guard = F.True,
            Address = F.WordConst(address), Value = F.WordConst(0), Position = 0, Span = SourceSpan.None, Text = $"{name} = 0",
        });
        var loc = new Location(name, address, F.WordConst(0), id, SourceSpan.None, Hidden: true);
        _locations[name] = loc;
        return loc;
    }

    internal int NextCallId => _calls.Count;

    internal void RecordCall(PendingCall call) => _calls.Add(call);

    /// <summary>Each call gets, in each target, a handler: read the request, full barrier, write the acknowledgement.</summary>
    private List<MembarrierCall> AddHandlers()
    {
        var result = new List<MembarrierCall>();
        foreach (var call in _calls)
        {
            var handlers = new List<MembarrierHandler>();
            foreach (var (target, req, ack, reqLoc, ackLoc) in call.Targets)
            {
                Event Make(EventKind kind, string tag, Location? at, Term? value, string text) => new()
                {
                    Id = NextEventId, Thread = target, Kind = kind, Guard = call.Guard,
                    Tags = kind == EventKind.Fence ? new HashSet<string> { call.HandlerMb ? "MB" : "barrier" } : new HashSet<string> { "ONCE", tag },
                    Classes = EmptySet, Address = at is null ? null : F.WordConst(at.Address), Value = value,
                    Position = -1, Span = call.Span, Text = text,
                };
                var read = AddEvent(Make(EventKind.Read, "memb-handler-read", reqLoc, F.WordVar($"v{NextEventId}"), $"handler of membarrier {call.Id}: read request"));
                var fence = AddEvent(Make(EventKind.Fence, "", null, null, $"handler of membarrier {call.Id}: {(call.HandlerMb ? "smp_mb()" : "barrier()")}"));
                var write = AddEvent(Make(EventKind.Write, "memb-handler-write", ackLoc, F.WordConst(1), $"handler of membarrier {call.Id}: write acknowledgement"));
                handlers.Add(new MembarrierHandler(call.Id, target, req, read, fence, write, ack));
            }
            result.Add(new MembarrierCall(call.Id, call.Thread, call.Command, call.Span, call.Guard, handlers));
        }
        return result;
    }

    /// <summary>
    /// Compiler-preserved order of one thread: two accesses stay in program order when both are marked, when a
    /// compiler barrier lies between them (or is one of them), when one depends on the other, or when they
    /// access the same location (the compiler must keep the thread's own view of a variable).
    /// </summary>
    private void AddCompilerOrder(int thread)
    {
        var own = Events.Where(e => e.Thread == thread && e.Position >= 0).OrderBy(e => e.Position).ToList();
        var deps = Addr.Concat(Data).Concat(Ctrl).GroupBy(e => (e.From, e.To)).ToDictionary(g => g.Key, g => F.Or(g.Select(e => e.Condition)));
        for (var i = 0; i < own.Count; i++)
            for (var j = i + 1; j < own.Count; j++)
            {
                var (a, b) = (own[i], own[j]);
                var reasons = new List<Term>();
                if (IsMarked(a) && IsMarked(b)) reasons.Add(F.True);
                for (var k = i; k <= j; k++)
                    if (IsCompilerBarrier(own[k])) reasons.Add(own[k].Guard);
                if (deps.TryGetValue((a.Id, b.Id), out var d)) reasons.Add(d);
                if (a.IsMemory && b.IsMemory) reasons.Add(F.Eq(a.Address!, b.Address!));
                var c = F.Or(reasons);
                if (!c.IsFalse) _compilerOrder.Add(new CompilerOrder(a.Id, b.Id, c));
            }
    }

    private static bool IsMarked(Event e) => e.Tags.Count > 0 || e.Classes.Count > 0;

    private static readonly string[] BarrierTags = ["ACQUIRE", "RELEASE", "MB"];

    /// <summary>Fences (barrier(), smp_mb(), RCU, membarrier), acquire/release and fully ordered accesses, lock and SRCU operations.</summary>
    private static bool IsCompilerBarrier(Event e) =>
        e.Kind is EventKind.Fence || e.IsSrcu || BarrierTags.Any(e.Tags.Contains) || e.Classes.Any(c => c != "RMW");
}

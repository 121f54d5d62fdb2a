using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>
/// C11 atomics as herd's C front end makes them: each access carries its memory order as an annotation
/// ('rlx, 'acq, 'rel, 'acq_rel, 'sc, 'con: the tags of herd's c11.bell, which herd's predefined sets RLX,
/// ACQ, ... and A/NA are built from). Plain accesses carry none (NA), nor do initial writes. A read-modify-write
/// is a read and a write linked by rmw, both annotated and both in RMW, which the models see as the one event
/// herd makes of it (LitmusProgram.SingleEventRmw). A macro of the same name (c11.def's
/// atomic_load(X) = atomic_load_explicit(X, memory_order_seq_cst)) takes precedence; the forms without
/// _explicit are seq_cst here too, as in c11.def.
/// </summary>
internal sealed partial class ThreadBuilder
{
    private static readonly Dictionary<string, string> MemoryOrders = new(StringComparer.Ordinal)
    {
        ["memory_order_relaxed"] = "rlx", ["memory_order_consume"] = "con", ["memory_order_acquire"] = "acq",
        ["memory_order_release"] = "rel", ["memory_order_acq_rel"] = "acq_rel", ["memory_order_seq_cst"] = "sc",
    };

    private static readonly Dictionary<string, Op> FetchOperators = new(StringComparer.Ordinal)
    {
        ["add"] = Op.Add, ["sub"] = Op.Sub, ["and"] = Op.BitAnd, ["or"] = Op.BitOr, ["xor"] = Op.BitXor,
    };

    /// <summary>The C11 call's value, or null when <paramref name="call"/> is not a C11 atomic operation.</summary>
    private SymValue? C11Call(CallExpr call)
    {
        var name = call.Function;
        if (!name.StartsWith("atomic_", StringComparison.Ordinal)) return null;
        var explicitOrder = name.EndsWith("_explicit", StringComparison.Ordinal);
        var op = explicitOrder ? name[..^"_explicit".Length] : name;
        var args = call.Arguments;
        var text = _callText ?? Show(call);
        switch (op)
        {
            case "atomic_load":
            {
                var mo = Orders(call, 1, explicitOrder, 1);
                return Read(Eval(args[0]), mo[0], RmwFree, call.Span, text);
            }
            case "atomic_store":
            {
                var mo = Orders(call, 2, explicitOrder, 1);
                var address = Eval(args[0]);
                Write(address, Eval(args[1]), mo[0], RmwFree, call.Span, text);
                return Const(0);
            }
            case "atomic_exchange":
            {
                var mo = Orders(call, 2, explicitOrder, 1);
                var address = Eval(args[0]);
                var value = Eval(args[1]);
                return ReadModifyWrite(address, mo[0], RmwClass, RmwClass, _ => value, _ => F.True, call.Span, text, oneEvent: true).Old;
            }
            case "atomic_thread_fence" when !explicitOrder:
            {
                Arity(call, 1);
                Emit(EventKind.Fence, Order(args[0]), NoTags, null, null, null, call.Span, text);
                return Const(0);
            }
            case "atomic_signal_fence" when !explicitOrder:
            {
                // Orders only against signal handlers of the same thread: a compiler barrier, no fence of the
                // thread for the C11 models (the 'signal tag keeps it out of F & SC and the like).
                Arity(call, 1);
                Order(args[0]);
                Emit(EventKind.Fence, new HashSet<string> { "signal" }, NoTags, null, null, null, call.Span, text);
                return Const(0);
            }
            case "atomic_compare_exchange_strong" or "atomic_compare_exchange_weak":
                return CompareExchange(call, explicitOrder, text);
        }
        if (op.StartsWith("atomic_fetch_", StringComparison.Ordinal) && FetchOperators.TryGetValue(op["atomic_fetch_".Length..], out var binary))
        {
            var mo = Orders(call, 2, explicitOrder, 1);
            var address = Eval(args[0]);
            var operand = Eval(args[1]);
            return ReadModifyWrite(address, mo[0], RmwClass, RmwClass,
                o => new SymValue(F.Binary(binary, o.Term, operand.Term), o.Deps.Union(operand.Deps, F)), _ => F.True, call.Span, text, oneEvent: true).Old;
        }
        return null;
    }

    private static readonly IReadOnlySet<string> RmwFree = ProgramBuilder.EmptySet;

    /// <summary>
    /// atomic_compare_exchange_*(obj, expected, desired[, success, failure]): reads *expected (a plain read), then
    /// either an RMW of obj writing desired (success order) when obj holds that value, or a lone read of obj
    /// (failure order) followed by a plain write of the value read to *expected. Returns whether it succeeded.
    /// herd draws no difference between strong and weak (no spurious failure).
    /// </summary>
    private SymValue CompareExchange(CallExpr call, bool explicitOrder, string text)
    {
        var mo = Orders(call, 3, explicitOrder, 2);
        var args = call.Arguments;
        var address = Eval(args[0]);
        var expectedAddress = Eval(args[1]);
        var expected = Read(expectedAddress, NoTags, NoTags, call.Span, text);
        var desired = Eval(args[2]);
        // herd's read has the success order when the exchange succeeds and the failure order when it fails: two
        // read events, exactly one of which exists (their guards split on the value read), share one value.
        var value = F.WordVar($"v{program.NextEventId}");
        var succeeded = Computed(F.Eq(value, expected.Term));
        var (onSuccess, onFailure) = (F.And(_guard, succeeded), F.And(_guard, F.Not(succeeded)));
        var deps = DepSet.None;
        int? successRead = null;
        if (!onSuccess.IsFalse)
        {
            successRead = Emit(EventKind.Read, mo[0], RmwClass, address, value, null, call.Span, text, onSuccess);
            program.Pins.Add(new Pin(successRead.Value, onSuccess, expected.Term));
            deps = deps.Union(DepSet.Of(successRead.Value, F.True), F);
        }
        if (!onFailure.IsFalse)
        {
            var failedRead = Emit(EventKind.Read, mo[1], NoTags, address, value, null, call.Span, text, onFailure);
            deps = deps.Union(DepSet.Of(failedRead, F.True), F);
        }
        if (successRead is { } readId)
        {
            var writeId = Write(address, desired, mo[0], RmwClass, call.Span, text, onSuccess);
            program.Rmw.Add(new Edge(readId, writeId, F.True));
            program.SingleEventRmw.Add(new Edge(readId, writeId, F.True));
        }
        if (!onFailure.IsFalse) Write(expectedAddress, new SymValue(value, deps), NoTags, NoTags, call.Span, text, onFailure);
        return new SymValue(F.FromBool(succeeded), deps.Union(expected.Deps, F));
    }

    /// <summary>The memory orders of a call: its trailing <paramref name="count"/> arguments, or seq_cst for the forms without _explicit.</summary>
    private static List<IReadOnlySet<string>> Orders(CallExpr call, int operands, bool explicitOrder, int count)
    {
        Arity(call, explicitOrder ? operands + count : operands);
        return explicitOrder
            ? call.Arguments.Skip(operands).Select(Order).ToList()
            : Enumerable.Range(0, count).Select(_ => (IReadOnlySet<string>)new HashSet<string> { "sc" }).ToList();
    }

    private static IReadOnlySet<string> Order(Expr e) =>
        e is NameExpr n && MemoryOrders.TryGetValue(n.Name, out var tag) ? new HashSet<string> { tag }
            : throw new LitmusInputException(e.Span, $"expected a memory order (memory_order_relaxed, _consume, _acquire, _release, _acq_rel or _seq_cst), found '{ExprPrinter.Print(e)}'");

    private static void Arity(CallExpr call, int n)
    {
        if (call.Arguments.Count != n)
            throw new LitmusInputException(call.NameSpan, $"{call.Function} takes {n} argument(s), not {call.Arguments.Count}");
    }
}

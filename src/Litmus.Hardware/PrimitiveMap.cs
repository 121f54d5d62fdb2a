using System.Text.RegularExpressions;
using Litmus.Events;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>What a primitive's translation needs besides its arguments: the calling thread, and what it asks of start-up.</summary>
public sealed class PrimitiveContext(int thread)
{
    public int Thread { get; } = thread;
    /// <summary>Registrations the harness makes once, before the threads start (membarrier REGISTER_* commands).</summary>
    public SortedSet<string> Registrations { get; } = new(StringComparer.Ordinal);
    public bool UsesRcu { get; set; }
    public bool UsesMembarrier { get; set; }
}

/// <summary>
/// The kernel's primitives in user-space C. Arguments arrive already translated; calling conventions are the
/// kernel's (as in lkmm.def): READ_ONCE, WRITE_ONCE, smp_store_mb, rcu_dereference and rcu_assign_pointer take
/// the location itself, the others its address. The runtime's macros (litmus_*) are in Runtime/harness-runtime.h.
/// </summary>
public static partial class PrimitiveMap
{
    private const string Relaxed = "__ATOMIC_RELAXED", Acquire = "__ATOMIC_ACQUIRE", Release = "__ATOMIC_RELEASE";

    /// <summary>The C of one call.</summary>
    /// <exception cref="NoFaithfulMappingException">The primitive has no faithful user-space mapping.</exception>
    public static string Translate(CallExpr call, IReadOnlyList<string> a, PrimitiveContext ctx)
    {
        string Arity(int n, Func<string> make) => a.Count == n ? make()
            : throw new NoFaithfulMappingException(call.Span, $"{call.Function} takes {n} argument{(n == 1 ? "" : "s")}, not {a.Count}");
        switch (call.Function)
        {
            case "READ_ONCE": return Arity(1, () => $"__atomic_load_n(&({a[0]}), {Relaxed})");
            case "WRITE_ONCE": return Arity(2, () => $"__atomic_store_n(&({a[0]}), {a[1]}, {Relaxed})");
            case "smp_load_acquire": return Arity(1, () => $"__atomic_load_n({a[0]}, {Acquire})");
            case "smp_store_release": return Arity(2, () => $"__atomic_store_n({a[0]}, {a[1]}, {Release})");
            case "smp_store_mb": return Arity(2, () => $"(__atomic_store_n(&({a[0]}), {a[1]}, {Relaxed}), litmus_smp_mb())");
            case "smp_mb": return Arity(0, () => "litmus_smp_mb()");
            case "smp_rmb": return Arity(0, () => "litmus_smp_rmb()");
            case "smp_wmb": return Arity(0, () => "litmus_smp_wmb()");
            case "barrier": return Arity(0, () => "litmus_barrier()");
            // Each only strengthens what the preceding or following atomic or lock already does; on x86 that
            // locked instruction is itself a full barrier, so the kernel makes them barrier() there.
            case "smp_mb__before_atomic" or "smp_mb__after_atomic" or "smp_mb__after_spinlock" or "smp_mb__after_unlock_lock":
                return Arity(0, () => "litmus_mb_rmw()");
            case "spin_lock": return Arity(1, () => $"litmus_spin_lock({a[0]}, {HarnessGenerator.Instance})");
            case "spin_unlock": return Arity(1, () => $"litmus_spin_unlock({a[0]})");
            case "spin_trylock": return Arity(1, () => $"litmus_spin_trylock({a[0]})");
            case "spin_is_locked": return Arity(1, () => $"litmus_spin_is_locked({a[0]})");
            case "rcu_read_lock": ctx.UsesRcu = true; return Arity(0, () => "urcu_memb_read_lock()");
            case "rcu_read_unlock": ctx.UsesRcu = true; return Arity(0, () => "urcu_memb_read_unlock()");
            case "synchronize_rcu" or "synchronize_rcu_expedited": ctx.UsesRcu = true; return Arity(0, () => "urcu_memb_synchronize_rcu()");
            // The kernel's rcu_dereference() is READ_ONCE(); the address dependency does the rest.
            case "rcu_dereference": return Arity(1, () => $"__atomic_load_n(&({a[0]}), {Relaxed})");
            case "rcu_assign_pointer": return Arity(2, () => $"__atomic_store_n(&({a[0]}), {a[1]}, {Release})");
            case "sys_membarrier" or "membarrier" or "smp_memb": return Membarrier(call, a, ctx);
            case "rseq_begin" or "rseq_end":
                throw new NoFaithfulMappingException(call.NameSpan, $"{call.Function}(): an rseq critical section has no faithful user-space mapping yet (the test would need real rseq registration and an abort handler)");
            case "atomic_add_unless": return Arity(3, () => $"litmus_add_unless({a[0]}, {a[1]}, {a[2]})");
            case "ATOMIC_INIT": return Arity(1, () => a[0]);
        }
        if (call.Function.StartsWith("srcu_", StringComparison.Ordinal) || call.Function.Contains("synchronize_srcu", StringComparison.Ordinal))
            throw new NoFaithfulMappingException(call.NameSpan, $"{call.Function}(): SRCU has no user-space implementation to run");
        if (Exchange(call, a) is { } x) return x;
        if (AtomicAccess(call, a) is { } access) return access;
        if (AtomicOperation(call, a) is { } op) return op;
        throw new NoFaithfulMappingException(call.NameSpan, $"{call.Function}() has no mapping to user-space C");
    }

    /// <summary>The memory order of a suffix; null for none (fully ordered).</summary>
    private static string? Order(string suffix) => suffix switch
    {
        "_relaxed" => Relaxed,
        "_acquire" => Acquire,
        "_release" => Release,
        _ => null,
    };

    /// <summary>An RMW with the suffix's order, or relaxed between two litmus_mb_rmw() when fully ordered.</summary>
    private static string Rmw(string suffix, Func<string, string> op) =>
        Order(suffix) is { } order ? op(order) : $"litmus_full({op(Relaxed)})";

    [GeneratedRegex("^(atomic_)?(xchg|cmpxchg)(_relaxed|_acquire|_release)?$")]
    private static partial Regex ExchangeName();

    private static string? Exchange(CallExpr call, IReadOnlyList<string> a)
    {
        var m = ExchangeName().Match(call.Function);
        if (!m.Success) return null;
        var suffix = m.Groups[3].Value;
        return m.Groups[2].Value == "xchg"
            ? a.Count == 2 ? Rmw(suffix, o => $"__atomic_exchange_n({a[0]}, {a[1]}, {o})") : Wrong(call, 2)
            : a.Count == 3 ? Rmw(suffix, o => $"litmus_cmpxchg({a[0]}, {a[1]}, {a[2]}, {o})") : Wrong(call, 3);
    }

    [GeneratedRegex("^atomic_(read|set)(_acquire|_release)?$")]
    private static partial Regex AccessName();

    private static string? AtomicAccess(CallExpr call, IReadOnlyList<string> a)
    {
        var m = AccessName().Match(call.Function);
        if (!m.Success) return null;
        var order = Order(m.Groups[2].Value) ?? Relaxed;
        return m.Groups[1].Value == "read"
            ? a.Count == 1 ? $"__atomic_load_n({a[0]}, {order})" : Wrong(call, 1)
            : a.Count == 2 ? $"__atomic_store_n({a[0]}, {a[1]}, {order})" : Wrong(call, 2);
    }

    [GeneratedRegex("^atomic_(fetch_)?(add|sub|inc|dec|and|or|xor|andnot)(_return)?(_relaxed|_acquire|_release)?$")]
    private static partial Regex OperationName();

    [GeneratedRegex("^atomic_(sub_and_test|dec_and_test|inc_and_test|add_negative)(_relaxed|_acquire|_release)?$")]
    private static partial Regex TestName();

    /// <summary>atomic_add(V,X) and kin: the operand comes first, the atomic_t pointer last (the kernel's order).</summary>
    private static string? AtomicOperation(CallExpr call, IReadOnlyList<string> a)
    {
        if (TestName().Match(call.Function) is { Success: true } t)
        {
            var (what, suffix) = (t.Groups[1].Value, t.Groups[2].Value);
            var unary = what is "dec_and_test" or "inc_and_test";
            if (a.Count != (unary ? 1 : 2)) return Wrong(call, unary ? 1 : 2);
            var (target, operand) = unary ? (a[0], "1") : (a[1], a[0]);
            var fn = what is "add_negative" or "inc_and_test" ? "__atomic_add_fetch" : "__atomic_sub_fetch";
            var test = what == "add_negative" ? " < 0" : " == 0";
            return $"({Rmw(suffix, o => $"{fn}({target}, {operand}, {o})")}{test})";
        }
        var m = OperationName().Match(call.Function);
        if (!m.Success) return null;
        var (fetch, op, returns, suffix2) = (m.Groups[1].Success, m.Groups[2].Value, m.Groups[3].Success, m.Groups[4].Value);
        if (fetch && returns) return null;
        var isUnary = op is "inc" or "dec";
        if (a.Count != (isUnary ? 1 : 2)) return Wrong(call, isUnary ? 1 : 2);
        var (x, v) = isUnary ? (a[0], "1") : (a[1], a[0]);
        var (name, value) = op switch
        {
            "inc" => ("add", v),
            "dec" => ("sub", v),
            "andnot" => ("and", $"~({v})"),
            _ => (op, v),
        };
        if (!fetch && !returns)
        {
            // No value, no ordering (NORETURN): a relaxed RMW, its result dropped.
            return suffix2 == "" ? $"(void)__atomic_fetch_{name}({x}, {value}, {Relaxed})" : null;
        }
        var builtin = fetch ? $"__atomic_fetch_{name}" : $"__atomic_{name}_fetch";
        return Rmw(suffix2, o => $"{builtin}({x}, {value}, {o})");
    }

    private static string Wrong(CallExpr call, int n) =>
        throw new NoFaithfulMappingException(call.Span, $"{call.Function} takes {n} argument{(n == 1 ? "" : "s")}");

    /// <summary>
    /// The real system call. A command written out is issued as written; the abstract sys_membarrier(),
    /// smp_memb() and membarrier() are PRIVATE_EXPEDITED, for which the harness registers once at start-up.
    /// </summary>
    private static string Membarrier(CallExpr call, IReadOnlyList<string> a, PrimitiveContext ctx)
    {
        ctx.UsesMembarrier = true;
        if (call.Function == "smp_memb" && a.Count != 0) return Wrong(call, 0);
        if (a.Count > 2 || (call.Function == "membarrier" && a.Count == 1)) return Wrong(call, 2);
        string command;
        if (a.Count == 0)
        {
            command = MembarrierCommands.Name(MembarrierCommand.PrivateExpedited);
            ctx.Registrations.Add(MembarrierCommands.Name(MembarrierCommand.RegisterPrivateExpedited));
        }
        else command = CommandName(call.Arguments[0]) ?? a[0];
        var flags = a.Count == 2 ? a[1] : "0";
        return $"litmus_membarrier({ctx.Thread}, {command}, {flags})";
    }

    /// <summary>A command as linux/membarrier.h spells it (tests may write GLOBAL or SHARED for MEMBARRIER_CMD_GLOBAL).</summary>
    public static string? CommandName(Expr e) => e switch
    {
        NameExpr n when MembarrierCommands.Parse(n.Name) is { } c => MembarrierCommands.Name(c),
        IntLiteral i when MembarrierCommands.FromValue(i.Value) is { } c => MembarrierCommands.Name(c),
        _ => null,
    };
}

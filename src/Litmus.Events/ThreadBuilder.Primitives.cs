using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>The event-generating builtins that macro bodies call (<c>__load</c>, <c>__store</c>, <c>__fence</c>, the RMWs, locks).</summary>
internal sealed partial class ThreadBuilder
{
    private static readonly IReadOnlySet<string> RmwClass = new HashSet<string> { "RMW" };
    private static HashSet<string> Class(string c) => [c];

    /// <summary>The source text of the outermost primitive call being expanded, so events read <c>READ_ONCE(*x)</c>, not the macro body.</summary>
    private string? _callText;

    private SymValue Primitive(PrimitiveExpr p)
    {
        var tags = new HashSet<string>(p.Tags, StringComparer.Ordinal);
        var text = _callText ?? Show(p);
        switch (p.Primitive)
        {
            case "__load":
                Arity(p, 1);
                return Read(LvalueAddress(p.Arguments[0]), tags, NoTags, p.Span, text);
            case "__store":
            {
                Arity(p, 2);
                var address = LvalueAddress(p.Arguments[0]);
                Write(address, Eval(p.Arguments[1]), tags, NoTags, p.Span, text);
                return Const(0);
            }
            case "__fence":
                Arity(p, 0);
                Emit(EventKind.Fence, tags, NoTags, null, null, null, p.Span, text);
                return Const(0);
            case "__srcu":
            {
                // synchronize_srcu(s): a fence-like event that names its srcu_struct, so `& loc` can match it to read-side
                // sections. (srcu_read_lock() and srcu_read_unlock() are a plain __load and __store of the srcu_struct, as in herd.)
                Arity(p, 1);
                var address = Eval(p.Arguments[0]);
                Emit(EventKind.Srcu, tags, NoTags, address, null, null, p.Span, text);
                return Const(0);
            }
            case "__xchg":
            {
                Arity(p, 2);
                var address = Eval(p.Arguments[0]);
                var value = Eval(p.Arguments[1]);
                return ReadModifyWrite(address, tags, RmwClass, RmwClass, _ => value, _ => F.True, p.Span, text).Old;
            }
            case "__cmpxchg":
            {
                Arity(p, 3);
                var address = Eval(p.Arguments[0]);
                var expected = Eval(p.Arguments[1]);
                var desired = Eval(p.Arguments[2]);
                return ReadModifyWrite(address, tags, RmwClass, RmwClass, _ => desired,
                    old => F.Eq(old.Term, expected.Term), p.Span, text, readOnSuccess: expected.Term).Old;
            }
            case "__atomic_op" or "__atomic_op_return" or "__atomic_fetch_op":
            {
                Arity(p, 3);
                var address = Eval(p.Arguments[0]);
                var op = OperatorArgument(p.Arguments[1]);
                var operand = Eval(p.Arguments[2]);
                var (old, @new) = ReadModifyWrite(address, tags, RmwClass, RmwClass,
                    o => new SymValue(Operation(op, o.Term, operand.Term), o.Deps.Union(operand.Deps, F)), _ => F.True, p.Span, text);
                return p.Primitive switch { "__atomic_op" => Const(0), "__atomic_op_return" => @new, _ => old };
            }
            case "__atomic_add_unless":
            {
                // Adds V unless the old value is W; returns whether it added.
                Arity(p, 3);
                var address = Eval(p.Arguments[0]);
                var add = Eval(p.Arguments[1]);
                var unless = Eval(p.Arguments[2]);
                var (old, _) = ReadModifyWrite(address, tags, RmwClass, RmwClass,
                    o => new SymValue(F.Binary(Op.Add, o.Term, add.Term), o.Deps.Union(add.Deps, F)),
                    o => F.Ne(o.Term, unless.Term), p.Span, text);
                return new SymValue(F.FromBool(F.Ne(old.Term, unless.Term)), old.Deps);
            }
            case "__lock":
            {
                // spin_lock(): an acquiring RMW that can only read the unlocked value 0 and writes 1.
                Arity(p, 1);
                var address = Eval(p.Arguments[0]);
                ReadModifyWrite(address, tags, Class("LKR"), Class("LKW"), _ => Const(1), _ => F.True, p.Span, text, readsValue: F.WordConst(0));
                return Const(0);
            }
            case "__trylock":
            {
                // spin_trylock(): takes the lock (LKR + LKW, like spin_lock()) when it reads 0, otherwise a lone
                // failed read (LF). Which one is decided by the value read, so the encoding sorts the read into
                // LKR or LF by that value.
                Arity(p, 1);
                var address = Eval(p.Arguments[0]);
                var (old, _) = ReadModifyWrite(address, tags, Class("TRYLOCK"), Class("LKW"), _ => Const(1),
                    o => F.Eq(o.Term, F.WordConst(0)), p.Span, text, readOnSuccess: F.WordConst(0));
                return new SymValue(F.FromBool(F.Eq(old.Term, F.WordConst(0))), old.Deps);
            }
            case "__islocked":
            {
                // spin_is_locked(): a read, RL when it sees the lock held (non-zero), RU when free.
                Arity(p, 1);
                var old = Read(Eval(p.Arguments[0]), tags, Class("ISLOCKED"), p.Span, text);
                return new SymValue(F.FromBool(F.Ne(old.Term, F.WordConst(0))), old.Deps);
            }
            case "__unlock":
            {
                Arity(p, 1);
                var address = Eval(p.Arguments[0]);
                Write(address, Const(0), tags, Class("UL"), p.Span, text);
                return Const(0);
            }
            case "__membarrier":
                return Membarrier(p);
            case "__membarrier_ipi" or "__membarrier_ipi_nomb":
                return MembarrierIpi(p, handlerMb: p.Primitive == "__membarrier_ipi");
            case "__rseq_begin" or "__rseq_end":
                return Rseq(p, p.Primitive == "__rseq_begin");
            default:
                throw new LitmusInputException(p.Span, $"primitive '{p.Primitive}' is not supported");
        }
    }

    /// <summary>
    /// A read and a write of one location linked by rmw. The write exists only when <paramref name="succeeds"/> holds
    /// of the old value (a failed cmpxchg is a lone read). Returns the old and the new value. A C11 RMW is one event
    /// for the models (<paramref name="oneEvent"/>, see LitmusProgram.SingleEventRmw). <paramref name="readOnSuccess"/> is
    /// what the read returned when it succeeds (a compare-and-exchange's expected value): herd solves the read by it.
    /// </summary>
    private (SymValue Old, SymValue New) ReadModifyWrite(SymValue address, IReadOnlySet<string> tags,
        IReadOnlySet<string> readClass, IReadOnlySet<string> writeClass, Func<SymValue, SymValue> compute,
        Func<SymValue, Term> succeeds, SourceSpan span, string text, Term? readsValue = null, bool oneEvent = false,
        Term? readOnSuccess = null)
    {
        var old = Read(address, tags, readClass, span, text, readsValue);
        var readId = program.NextEventId - 1;
        var ok = Computed(succeeds(old));
        var guard = F.And(_guard, ok);
        // A successful compare-and-exchange read the expected value: herd solves the read by it.
        if (readOnSuccess is not null) program.Pins.Add(new Pin(readId, guard, readOnSuccess));
        var @new = compute(old);
        Computed(guard, @new.Term);
        if (!guard.IsFalse)
        {
            var writeId = Write(address, @new, tags, writeClass, span, text, guard);
            program.Rmw.Add(new Edge(readId, writeId, F.True));
            if (oneEvent) program.SingleEventRmw.Add(new Edge(readId, writeId, F.True));
        }
        return (old, @new);
    }

    private static string OperatorArgument(Expr e) => e is OperatorArgExpr o ? o.Operator
        : throw new LitmusInputException(e.Span, "expected an operator (+, -, &, |, ^, &~) as the second argument");

    private static void Arity(PrimitiveExpr p, int n)
    {
        if (p.Arguments.Count != n)
            throw new LitmusInputException(p.Span, $"{p.Primitive} takes {n} argument(s), not {p.Arguments.Count}");
    }
}

using Litmus.Models.Plan;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

public sealed partial class CatInterpreter<TSet, TRel>
{
    private CatRuntimeValue Eval(PlanExpr e, Frame frame)
    {
        switch (e)
        {
            case LocalRef n:
            {
                var v = frame.Up(n.Depth).Slots[n.Slot] ?? throw new InvalidOperationException($"'{n.Name}' used before it is bound");
                return v is LazyValue l ? l.Force(_exact) : v;
            }
            case PredefinedRef p:
                return _predefined[p.Index] ??= _algebra.Predefined(p.Name) is { } v2 ? FromSetOrRel(v2)
                    : throw new LitmusInputException(p.Span, $"unbound name '{p.Name}'");
            case BuiltinRef b:
                return BuiltinFunction(b.Name) ?? throw new InvalidOperationException($"no builtin '{b.Name}'");
            case ConstantExpr c:
                return c.Value;
            case UniverseExpr:
                return SetOf(_algebra.AllEvents);
            case PlanBinary b:
            {
                // r ; s is empty when s is: an s known without work is looked at first (rcu-pair's gp ; l ; cs then
                // builds no l when a test has no critical section).
                if (b.Op == CatBinaryOp.Seq && KnownWithoutWork(b.Right, frame) is RelValue<TRel> known && _algebra.IsEmpty(known.Rel))
                    return known;
                var left = Eval(b.Left, frame);
                // r & s, r ; s and r \ s are empty when r is: the right side is not built at all.
                // (An empty r the same in every run gives an r ; s that is too.)
                if (b.Op is CatBinaryOp.Inter or CatBinaryOp.Seq or CatBinaryOp.Diff && IsStaticallyEmpty(left))
                    return b.Op != CatBinaryOp.Seq ? left
                        : RelOf(left is EmptyValue || IsRunInvariant(left) ? _algebra.ConstantEmptyRelation : _algebra.EmptyRelation);
                var right = b.Op == CatBinaryOp.Diff ? InMode(true, b.Right, frame) : Eval(b.Right, frame);
                return Binary(b, left, right);
            }
            case PlanUnary u:
                return Unary(u, u.Op == CatUnaryOp.Complement ? InMode(true, u.Operand, frame) : Eval(u.Operand, frame));
            case AppExpr app:
                // Arguments are lazy, like let bindings: rcu-pair(rcu-link | ...) builds rcu-link only if the
                // body needs it (it does not when there is no grace period to pair).
                return Apply(Eval(app.Function, frame), LazyArgument(app.Argument, frame), app.Span);
            case TupleExpr t:
                return new TupleValue(EvalAll(t.Items, frame));
            case SetLiteralExpr s:
            {
                var items = EvalAll(s.Items, frame);
                return items.Count == 0 ? EmptyValue.Instance : ElementSet(items, s.Span) ?? new CollectionValue(items);
            }
            case FunExpr f:
                return new ClosureValue(f.Code, frame);
            case LetInExpr l:
                return Eval(l.Body, Bind(l.Group, frame));
            case TryExpr t:
                try { return Eval(t.Body, frame); }
                catch (LitmusInputException) { return Eval(t.Fallback, frame); }
            case FailExpr x:
                throw new LitmusInputException(x.Span, x.Message);
            default:
                throw new LitmusInputException(e.Span, "this cat expression is not supported");
        }
    }

    // (No lambda in Eval: one that captured the frame would cost an allocation on every call, whichever case runs.)
    private List<CatRuntimeValue> EvalAll(IReadOnlyList<PlanExpr> items, Frame frame)
    {
        var values = new List<CatRuntimeValue>(items.Count);
        for (var i = 0; i < items.Count; i++) values.Add(Eval(items[i], frame));
        return values;
    }

    /// <summary>A name's value when it is already computed (or predefined), else null.</summary>
    private CatRuntimeValue? KnownWithoutWork(PlanExpr e, Frame frame) => e switch
    {
        LocalRef n => frame.Up(n.Depth).Slots[n.Slot] is LazyValue l ? l.ExactIfKnown : frame.Up(n.Depth).Slots[n.Slot],
        PredefinedRef p => _predefined[p.Index],
        _ => null,
    };

    private CatRuntimeValue LazyArgument(PlanExpr arg, Frame frame) => arg is TupleExpr t
        ? new TupleValue(t.Items.Select(i => (CatRuntimeValue)new LetValue(this, i, frame)).ToList())
        : new LetValue(this, arg, frame);

    private bool IsStaticallyEmpty(CatRuntimeValue v) => v switch
    {
        EmptyValue => true,
        SetValue<TSet> s => _algebra.IsEmpty(s.Set),
        RelValue<TRel> r => _algebra.IsEmpty(r.Rel),
        _ => false,
    };

    private CatRuntimeValue Binary(PlanBinary b, CatRuntimeValue l, CatRuntimeValue r)
    {
        if (b.Op == CatBinaryOp.Add) return AddToCollection(l, r, b.Span);
        if (b.Op == CatBinaryOp.Cartesian)
            return RelOf(_algebra.Product(AsSet(l, b.Left.Span), AsSet(r, b.Right.Span)));
        if (b.Op == CatBinaryOp.Seq)
            return RelOf(_algebra.Seq(AsRel(l, b.Left.Span), AsRel(r, b.Right.Span)));
        if (l is CollectionValue || r is CollectionValue) return CollectionOp(b, l, r);

        // The empty value takes the type of the other side.
        if (l is EmptyValue && r is EmptyValue) return EmptyValue.Instance;
        if ((l is SetValue<TSet> && r is RelValue<TRel>) || (l is RelValue<TRel> && r is SetValue<TSet>))
            throw new LitmusInputException(b.Span,
                $"'{Symbol(b.Op)}' needs two sets or two relations, but its left side is {l.Kind} and its right side {r.Kind}");
        if (l is SetValue<TSet> || r is SetValue<TSet>)
        {
            var (a, c) = (AsSet(l, b.Left.Span), AsSet(r, b.Right.Span));
            return SetOf(b.Op switch
            {
                CatBinaryOp.Union => _algebra.Union(a, c),
                CatBinaryOp.Inter => _algebra.Inter(a, c),
                _ => _algebra.Diff(a, c),
            });
        }
        var (x, y) = (AsRel(l, b.Left.Span), AsRel(r, b.Right.Span));
        return RelOf(b.Op switch
        {
            CatBinaryOp.Union => _algebra.Union(x, y),
            CatBinaryOp.Inter => _algebra.Inter(x, y),
            _ => _algebra.Diff(x, y),
        });
    }

    private static string Symbol(CatBinaryOp op) => op switch
    {
        CatBinaryOp.Union => "|",
        CatBinaryOp.Inter => "&",
        CatBinaryOp.Diff => "\\",
        CatBinaryOp.Seq => ";",
        CatBinaryOp.Cartesian => "*",
        _ => "++",
    };

    private CatRuntimeValue AddToCollection(CatRuntimeValue item, CatRuntimeValue collection, SourceSpan span) => (item, collection) switch
    {
        // e ++ S with e an event (or pair) drawn by map: S with one more event (or pair).
        (ElementValue e, EmptyValue or SetValue<TSet> or RelValue<TRel>) => Join(e.Singleton, collection, span),
        (_, MappedValue<TSet> m) => new MappedValue<TSet>([new MappedItem<TSet>(item, []), .. m.Items]),
        (_, EmptyValue) => new CollectionValue([item]),
        (_, CollectionValue c) => new CollectionValue([item, .. c.Items]),
        _ => throw new LitmusInputException(span, $"'++' adds an element to a set, but the right side is {collection.Kind}"),
    };

    /// <summary>Union, intersection and difference of explicit collections (tag sets).</summary>
    private static CollectionValue CollectionOp(PlanBinary b, CatRuntimeValue l, CatRuntimeValue r)
    {
        var a = l is CollectionValue ca ? ca.Items : l is EmptyValue ? [] : [l];
        var c = r is CollectionValue cb ? cb.Items : r is EmptyValue ? [] : [r];
        static string Key(CatRuntimeValue v) => v is TagValue t ? "'" + t.Tag : v.GetHashCode().ToString();
        var right = c.Select(Key).ToHashSet();
        return new CollectionValue(b.Op switch
        {
            CatBinaryOp.Union => a.Concat(c.Where(x => !a.Select(Key).Contains(Key(x)))).ToList(),
            CatBinaryOp.Inter => a.Where(x => right.Contains(Key(x))).ToList(),
            _ => a.Where(x => !right.Contains(Key(x))).ToList(),
        });
    }

    private CatRuntimeValue Unary(PlanUnary u, CatRuntimeValue v)
    {
        switch (u.Op)
        {
            case CatUnaryOp.Bracket:
                return RelOf(_algebra.Identity(AsSet(v, u.Operand.Span)));
            case CatUnaryOp.Complement when v is SetValue<TSet> s:
                return SetOf(_algebra.Diff(_algebra.AllEvents, s.Set));
            case CatUnaryOp.Complement when v is EmptyValue:
                return SetOf(_algebra.AllEvents);
            case CatUnaryOp.Complement:
                return RelOf(_algebra.Diff(_algebra.Product(_algebra.AllEvents, _algebra.AllEvents), AsRel(v, u.Operand.Span)));
        }
        var r = AsRel(v, u.Operand.Span);
        return RelOf(u.Op switch
        {
            CatUnaryOp.Inverse => _algebra.Inverse(r),
            CatUnaryOp.Plus => _algebra.Plus(r, _exact),
            CatUnaryOp.Star => _algebra.Union(_algebra.Plus(r, _exact), _algebra.Identity(_algebra.AllEvents)),
            CatUnaryOp.Opt => _algebra.Union(r, _algebra.Identity(_algebra.AllEvents)),
            _ => throw new LitmusInputException(u.Span, "unknown operator"),
        });
    }

    private static SetValue<TSet> SetOf(TSet s) =>
        s is IKeepsWrapper k ? k.Wrapper as SetValue<TSet> ?? (SetValue<TSet>)(k.Wrapper = new SetValue<TSet>(s)) : new SetValue<TSet>(s);

    private static RelValue<TRel> RelOf(TRel r) =>
        r is IKeepsWrapper k ? k.Wrapper as RelValue<TRel> ?? (RelValue<TRel>)(k.Wrapper = new RelValue<TRel>(r)) : new RelValue<TRel>(r);

    internal TSet AsSet(CatRuntimeValue v, SourceSpan span) => v switch
    {
        SetValue<TSet> s => s.Set,
        EmptyValue => _algebra.ConstantEmptySet,
        ElementValue => throw new LitmusInputException(span, $"expected a set of events, found {v.Kind} (write {{e}} for the set that holds it)"),
        _ => throw new LitmusInputException(span, $"expected a set of events, found {v.Kind}"),
    };

    internal TRel AsRel(CatRuntimeValue v, SourceSpan span) => v switch
    {
        RelValue<TRel> r => r.Rel,
        EmptyValue => _algebra.ConstantEmptyRelation,
        ElementValue { Singleton: RelValueBase } => throw new LitmusInputException(span, $"expected a relation, found {v.Kind} (write p ++ 0 for the relation that holds it)"),
        _ => throw new LitmusInputException(span, $"expected a relation, found {v.Kind}"),
    };
}

using Litmus.Models.Plan;
using Litmus.Syntax;

namespace Litmus.Models;

public sealed partial class CatInterpreter<TSet, TRel>
{
    /// <summary>
    /// <c>let</c> and <c>let rec</c>: fills the group's slots and returns the frame that holds them. Recursive
    /// functions see each other through the frame their closures keep; recursive sets and relations are least
    /// fixpoints computed by the algebra, starting from the empty value of each binding (herd's semantics).
    /// </summary>
    private Frame Bind(BindingGroup group, Frame current)
    {
        // Indexed loops and no lambdas: this runs for every binding group of every run of the model.
        var target = group.NewFrame ? new Frame(current, group.FrameSize) : current;
        var invariant = ReferenceEquals(target, _top) ? _invariant : null;
        var bindings = group.Bindings;
        if (!group.Recursive)
        {
            for (var i = 0; i < bindings.Count; i++)
            {
                var b = bindings[i];
                target.Slots[b.Slot] = b.Function is { } code ? new ClosureValue(code, current)
                    : invariant is null ? new LetValue(this, b.Value, current)
                    : invariant.Get(b) ?? new InvariantLetValue(this, b, current);
            }
            return target;
        }
        if (invariant is not null && AllKept(bindings, invariant))
        {
            for (var i = 0; i < bindings.Count; i++) target.Slots[bindings[i].Slot] = invariant.Get(bindings[i]);
            return target;
        }

        for (var i = 0; i < bindings.Count; i++)
            if (bindings[i].Function is { } code) target.Slots[bindings[i].Slot] = new ClosureValue(code, target);
        if (group.Plain.Count == 0) return target;
        // The group is solved once per mode, when one of its names is first used.
        var solved = new RecursiveGroup(this, group, target);
        for (var i = 0; i < group.Plain.Count; i++) target.Slots[group.Plain[i].Slot] = new RecursiveValue(solved, i);
        return target;
    }

    /// <summary>Whether every binding of a recursive group is a set or relation kept from an earlier run.</summary>
    private static bool AllKept(IReadOnlyList<PlanBinding> bindings, RunInvariantValues invariant)
    {
        for (var i = 0; i < bindings.Count; i++)
            if (bindings[i].Function is not null || invariant.Get(bindings[i]) is null) return false;
        return true;
    }

    /// <summary>A non-recursive binding's value: its body in the frame it was defined in, in the mode asked.</summary>
    private sealed class LetValue(CatInterpreter<TSet, TRel> interpreter, PlanExpr body, Frame frame) : LazyValue
    {
        protected override CatRuntimeValue Compute(bool exact) => interpreter.InMode(exact, body, frame);
    }

    /// <summary>A top-level binding whose value, once computed, is kept for the next runs when it is run-invariant.</summary>
    private sealed class InvariantLetValue(CatInterpreter<TSet, TRel> interpreter, PlanBinding binding, Frame frame) : LazyValue
    {
        protected override CatRuntimeValue Compute(bool exact)
        {
            var v = interpreter.InMode(exact, binding.Value, frame);
            if (exact && interpreter.IsRunInvariant(v)) interpreter._invariant!.Keep(binding, v);
            return v;
        }
    }

    private bool IsRunInvariant(CatRuntimeValue v) => v switch
    {
        SetValue<TSet> s => _algebra.IsRunInvariant(s.Set),
        RelValue<TRel> r => _algebra.IsRunInvariant(r.Rel),
        _ => false,
    };

    /// <summary>The bindings of one recursive group, solved together once per mode.</summary>
    private sealed class RecursiveGroup(CatInterpreter<TSet, TRel> interpreter, BindingGroup group, Frame frame)
    {
        private IReadOnlyList<CatRuntimeValue>? _exact, _lowerBound;

        public IReadOnlyList<CatRuntimeValue> Solve(bool exact)
        {
            if (exact || interpreter._boundsAreExact) return _exact ??= Kept(interpreter.InMode(true, () => interpreter.Fixpoint(group, frame)));
            return _lowerBound ??= interpreter.InMode(false, () => interpreter.Fixpoint(group, frame));
        }

        /// <summary>A top-level group whose values are all run-invariant is kept for the next runs (functions need no keeping).</summary>
        private List<CatRuntimeValue> Kept(List<CatRuntimeValue> values)
        {
            if (ReferenceEquals(frame, interpreter._top) && interpreter._invariant is { } store
                && group.Bindings.All(b => b.Function is null) && values.All(interpreter.IsRunInvariant))
                for (var i = 0; i < group.Plain.Count; i++) store.Keep(group.Plain[i], values[i]);
            return values;
        }
    }

    private sealed class RecursiveValue(RecursiveGroup group, int index) : LazyValue
    {
        protected override CatRuntimeValue Compute(bool exact) => group.Solve(exact)[index];
    }

    private List<CatRuntimeValue> Fixpoint(BindingGroup group, Frame frame)
    {
        var plain = group.Plain;
        // One step evaluates the bindings in order, each seeing the values the step has already given the ones
        // before it, as herd does. For monotone definitions the least fixpoint is the same either way; for a
        // non-monotone one, such as upstream's matching of nested rcu_read_lock()s (rcu-rscs), only herd's order
        // gives herd's result.
        IReadOnlyList<CatRuntimeValue> Sweep(IReadOnlyList<CatRuntimeValue> current)
        {
            var values = current.ToArray();
            for (var i = 0; i < plain.Count; i++)
                values[i] = Eval(plain[i].Value, new Frame(frame, (CatRuntimeValue?[])values.Clone()));
            return values;
        }
        IReadOnlyList<SetOrRel<TSet, TRel>> Step(IReadOnlyList<SetOrRel<TSet, TRel>> current) =>
            Sweep(current.Select(FromSetOrRel).ToList()).Select((v, i) => AsSetOrRel(v, plain[i].Span)).ToList();

        // The first iterates, from all-empty, also tell each binding's type (set or relation). A binding built
        // only from others (unmatched = unmatched-locks | unmatched-unlocks) may still be the untyped empty
        // value after one step, so step on until every binding has a type (at most one step per binding).
        IReadOnlyList<CatRuntimeValue> iterate = plain.Select(_ => (CatRuntimeValue)EmptyValue.Instance).ToList();
        for (var round = 0; round <= plain.Count && iterate.Any(v => v is EmptyValue); round++)
            iterate = Sweep(iterate);
        var first = plain.Select((b, i) => AsSetOrRel(iterate[i], b.Span)).ToList();
        return _algebra.LeastFixpoint(first, Step, group.Span, _exact).Select(FromSetOrRel).ToList();
    }

    private CatRuntimeValue Forced(CatRuntimeValue v) => v switch
    {
        LazyValue l => l.Force(_exact),
        TupleValue t => new TupleValue(t.Items.Select(Forced).ToList()),
        _ => v,
    };

    /// <summary>A frame for a call: one parameter takes the argument, several take a tuple's items.</summary>
    private Frame BindParameters(Frame parent, int parameters, CatRuntimeValue arg, SourceSpan span, int size)
    {
        var frame = new Frame(parent, size);
        if (parameters == 1) frame.Slots[0] = arg;
        if (parameters <= 1) return frame;
        if (arg is LazyValue lazy) arg = lazy.Force(_exact);
        if (arg is not TupleValue t || t.Items.Count != parameters) throw new LitmusInputException(span, $"expected {parameters} arguments");
        for (var i = 0; i < parameters; i++) frame.Slots[i] = t.Items[i];
        return frame;
    }

    private CatRuntimeValue Apply(CatRuntimeValue f, CatRuntimeValue arg, SourceSpan span) => f switch
    {
        ClosureValue c => Eval(c.Code.Body, BindParameters(c.Env, c.Code.ParameterCount, arg, span, c.Code.ParameterCount)),
        BuiltinValue b => b.Apply(b.ExactArgument ? InMode(true, () => Forced(arg)) : Forced(arg), span),
        _ => throw new LitmusInputException(span, $"this is {f.Kind}, not a function"),
    };

    internal SetOrRel<TSet, TRel> AsSetOrRel(CatRuntimeValue v, SourceSpan span) => v switch
    {
        SetValue<TSet> s => SetOrRel<TSet, TRel>.OfSet(s.Set),
        RelValue<TRel> r => SetOrRel<TSet, TRel>.OfRel(r.Rel),
        EmptyValue => SetOrRel<TSet, TRel>.OfRel(_algebra.ConstantEmptyRelation),
        _ => throw new LitmusInputException(span, $"expected a set of events or a relation, found {v.Kind}"),
    };

    internal static CatRuntimeValue FromSetOrRel(SetOrRel<TSet, TRel> v) =>
        v.IsSet ? SetOf(v.Set) : RelOf(v.Rel);
}

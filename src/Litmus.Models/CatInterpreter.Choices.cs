using Litmus.Models.Plan;
using Litmus.Syntax;

namespace Litmus.Models;

/// <summary>
/// Sets of values and the choices made from them: <c>map</c>, <c>{e}</c>, <c>partition</c>, <c>linearisations</c>,
/// <c>cross</c> and <c>with x from S</c>. herd enumerates S and runs the rest of the model once per element; here
/// the execution makes the choice (the algebra adds one choice variable per option), so that one solver run
/// covers every candidate. That is how upstream lock.cat and cos-opt.cat generate rf for lock events and co.
/// </summary>
public sealed partial class CatInterpreter<TSet, TRel>
{
    private BuiltinValue? ChoiceBuiltin(string name) => name switch
    {
        "map" => Exact("map", (f, _) => Exact("map " + FunctionName(f), (s, span) => Map(f, s, span))),
        "partition" => Exact("partition", (s, span) => new MappedValue<TSet>(
            _algebra.PartitionByLocation(AsSet(s, span)).Select(c => new MappedItem<TSet>(new SetValue<TSet>(c), [c])).ToList())),
        "linearisations" => Exact("linearisations", (args, span) => args is TupleValue { Items.Count: 2 } t
            ? new LinearisationsValue<TSet, TRel>(AsSet(t.Items[0], span), AsRel(t.Items[1], span))
            : throw new LitmusInputException(span, "linearisations takes two arguments: a set of events and a relation")),
        "cross" => Exact("cross", (c, span) => new CrossValue<TSet>(Items(c, span))),
        // The pairs of r with nothing of r in between (r minus r;r); exact, since it subtracts.
        "singlestep" => Exact("singlestep", (r, span) =>
        {
            var rel = AsRel(r, span);
            return RelOf(_algebra.Diff(rel, _algebra.Seq(rel, rel)));
        }),
        _ => null,
    };

    /// <summary>The choice functions are not monotone (a larger set offers other choices): their arguments are always exact.</summary>
    private static BuiltinValue Exact(string name, Func<CatRuntimeValue, SourceSpan, CatRuntimeValue> f) => new(name, f, exactArgument: true);

    private static string FunctionName(CatRuntimeValue f) => f switch { ClosureValue c => c.Name, BuiltinValue b => b.Name, _ => "?" };

    private MappedValue<TSet> Map(CatRuntimeValue f, CatRuntimeValue s, SourceSpan span) =>
        new(Items(s, span).Select(i => i with { Value = Apply(f, i.Value, span) }).ToList());

    /// <summary>The items of a set of values; a set of events or a relation gives its members or pairs one by one.</summary>
    private IReadOnlyList<MappedItem<TSet>> Items(CatRuntimeValue v, SourceSpan span) => v switch
    {
        EmptyValue => [],
        SetValue<TSet> s => _algebra.Elements(s.Set)
            .Select(e => new MappedItem<TSet>(new ElementValue(new SetValue<TSet>(e)), [e])).ToList(),
        RelValue<TRel> r => _algebra.Pairs(r.Rel)
            .Select(p => new MappedItem<TSet>(new ElementValue(new RelValue<TRel>(p)), [_algebra.Domain(p)])).ToList(),
        CollectionValue c => c.Items.Select(i => new MappedItem<TSet>(i, [])).ToList(),
        MappedValue<TSet> m => m.Items,
        LazyValue l => Items(l.Force(true), span),
        _ => throw new LitmusInputException(span, $"expected a set, found {v.Kind}"),
    };

    /// <summary><c>{e1, e2}</c> of events (or of pairs) drawn by map: the set (or relation) of those elements.</summary>
    private CatRuntimeValue? ElementSet(List<CatRuntimeValue> items, SourceSpan span)
    {
        if (items.Count == 0 || !items.All(i => i is ElementValue)) return null;
        return items.Select(i => ((ElementValue)i).Singleton).Aggregate((a, c) => Join(a, c, span));
    }

    /// <summary>The union of two sets, or of two relations.</summary>
    private CatRuntimeValue Join(CatRuntimeValue a, CatRuntimeValue b, SourceSpan span) => (a, b) switch
    {
        (EmptyValue, _) => b,
        (_, EmptyValue) => a,
        (SetValue<TSet> x, SetValue<TSet> y) => SetOf(_algebra.Union(x.Set, y.Set)),
        (RelValue<TRel> x, RelValue<TRel> y) => RelOf(_algebra.Union(x.Rel, y.Rel)),
        _ => throw new LitmusInputException(span, $"cannot put {a.Kind} and {b.Kind} in one set"),
    };

    /// <summary>
    /// <c>with x from S</c>: x is one element of S, chosen by the execution. Evaluated at once, like herd: a
    /// choice among nothing means that the execution does not exist, even when x is never used.
    /// </summary>
    private void With(WithStep with, Frame frame)
    {
        var choices = InMode(true, with.From, frame);
        frame.Slots[with.Slot] = RelOf(Pick(choices, [], with.From.Span));
    }

    private TRel Pick(CatRuntimeValue choices, IReadOnlyList<TSet> present, SourceSpan span) => choices switch
    {
        LinearisationsValue<TSet, TRel> l => _algebra.Linearisation(present, l.Set, l.Order),
        CrossValue<TSet> c => c.Groups.Aggregate(_algebra.EmptyRelation,
            (union, g) => _algebra.Union(union, Pick(g.Value, [.. present, .. g.Witness], span))),
        LazyValue l => Pick(l.Force(true), present, span),
        _ => _algebra.ChooseOne(present, Items(choices, span).Select(i => (i.Witness, AsRel(Forced(i.Value), span))).ToList()),
    };
}

namespace Litmus.Models;

/// <summary>
/// One event, or one pair of events, drawn from a set or a relation by <c>map</c>. It is held as a singleton set
/// (or a one-pair relation) because in a symbolic execution an event is there only under a condition, which
/// the singleton keeps: <c>{e}</c> gives the singleton back, <c>p ++ 0</c> the one-pair relation.
/// </summary>
public sealed class ElementValue(CatRuntimeValue singleton) : CatRuntimeValue
{
    public CatRuntimeValue Singleton { get; } = singleton;
    public override string Kind => Singleton is RelValueBase ? "a pair of events" : "an event";
}

/// <summary>Marks relation values without naming their representation (so <see cref="ElementValue"/> can tell).</summary>
public abstract class RelValueBase : CatRuntimeValue;

/// <summary>
/// A set of values built from the execution's events (by <c>map</c>, <c>partition</c>): each item belongs to the
/// set when every set of its <c>Witness</c> is non-empty (no witness: always). <c>map f S</c> over a set S gives
/// f(e) for each possible member e, witnessed by <c>{e}</c>.
/// </summary>
public sealed class MappedValue<TSet>(IReadOnlyList<MappedItem<TSet>> items) : CatRuntimeValue where TSet : class
{
    public IReadOnlyList<MappedItem<TSet>> Items { get; } = items;
    public override string Kind => "a set of values";
}

public sealed record MappedItem<TSet>(CatRuntimeValue Value, IReadOnlyList<TSet> Witness) where TSet : class;

/// <summary><c>linearisations(S, r)</c>: the strict total orders of S that contain r restricted to S.</summary>
public sealed class LinearisationsValue<TSet, TRel>(TSet set, TRel order) : CatRuntimeValue where TSet : class where TRel : class
{
    public TSet Set { get; } = set;
    public TRel Order { get; } = order;
    public override string Kind => "a set of orders";
}

/// <summary>
/// <c>cross(C)</c>: the relations obtained by choosing one relation from each member of C (a set of sets of
/// relations, or of orders) and taking the union of the choices.
/// </summary>
public sealed class CrossValue<TSet>(IReadOnlyList<MappedItem<TSet>> groups) : CatRuntimeValue where TSet : class
{
    public IReadOnlyList<MappedItem<TSet>> Groups { get; } = groups;
    public override string Kind => "a set of relations";
}

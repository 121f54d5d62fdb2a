using Litmus.Models;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Tests;

/// <summary>Explicit sets of events and sets of pairs over events 0..n-1.</summary>
public sealed class ESet(IEnumerable<int> items)
{
    public SortedSet<int> Items { get; } = new(items);
    public override string ToString() => "{" + string.Join(",", Items) + "}";
}

public sealed class ERel(IEnumerable<(int, int)> pairs)
{
    public SortedSet<(int, int)> Pairs { get; } = new(pairs);
    public override string ToString() => "{" + string.Join(",", Pairs.Select(p => $"{p.Item1}->{p.Item2}")) + "}";
}

/// <summary>
/// A concrete relation algebra: the test double for the cat interpreter. Checks are recorded with their truth,
/// fixpoints are plain Kleene iteration.
/// </summary>
public sealed class ExplicitAlgebra(int n, Dictionary<string, object> predefined, Dictionary<string, ESet>? tags = null)
    : IRelationAlgebra<ESet, ERel>
{
    public List<(string Name, bool Holds, bool IsFlag)> Checks { get; } = [];
    public Dictionary<string, HashSet<string>> Instructions { get; } = new();

    private IEnumerable<int> Events => Enumerable.Range(0, n);

    public ESet EmptySet => new([]);
    public ESet AllEvents => new(Events);
    public ERel EmptyRelation => new([]);

    public bool IsEmpty(ESet s) => s.Items.Count == 0;
    public bool IsEmpty(ERel r) => r.Pairs.Count == 0;

    public ESet Union(ESet a, ESet b) => new(a.Items.Union(b.Items));
    public ESet Inter(ESet a, ESet b) => new(a.Items.Intersect(b.Items));
    public ESet Diff(ESet a, ESet b) => new(a.Items.Except(b.Items));
    public ERel Union(ERel a, ERel b) => new(a.Pairs.Union(b.Pairs));
    public ERel Inter(ERel a, ERel b) => new(a.Pairs.Intersect(b.Pairs));
    public ERel Diff(ERel a, ERel b) => new(a.Pairs.Except(b.Pairs));
    public ERel Seq(ERel a, ERel b) => new(from p in a.Pairs from q in b.Pairs where p.Item2 == q.Item1 select (p.Item1, q.Item2));
    public ERel Inverse(ERel r) => new(r.Pairs.Select(p => (p.Item2, p.Item1)));

    public ERel Plus(ERel r, bool exact) => Plus(r);

    public ERel Plus(ERel r)
    {
        var result = r;
        while (true)
        {
            var next = Union(result, Seq(result, r));
            if (next.Pairs.SetEquals(result.Pairs)) return result;
            result = next;
        }
    }

    public ERel Product(ESet a, ESet b) => new(from x in a.Items from y in b.Items select (x, y));
    public ERel Identity(ESet s) => new(s.Items.Select(x => (x, x)));
    public ESet Domain(ERel r) => new(r.Pairs.Select(p => p.Item1));
    public ESet Range(ERel r) => new(r.Pairs.Select(p => p.Item2));
    public ERel DifferentValues(ERel r) => new(r.Pairs.Where(p => p.Item1 % 2 != p.Item2 % 2)); // values: parity, for tests
    public ERel SameValues(ERel r) => new(r.Pairs.Where(p => p.Item1 % 2 == p.Item2 % 2));

    public SetOrRel<ESet, ERel>? Predefined(string name) => predefined.GetValueOrDefault(name) switch
    {
        ESet s => SetOrRel<ESet, ERel>.OfSet(s),
        ERel r => SetOrRel<ESet, ERel>.OfRel(r),
        _ => null,
    };

    public ESet Tagged(string tag) => tags?.GetValueOrDefault(tag) ?? EmptySet;

    public IReadOnlyList<SetOrRel<ESet, ERel>> LeastFixpoint(IReadOnlyList<SetOrRel<ESet, ERel>> start,
        Func<IReadOnlyList<SetOrRel<ESet, ERel>>, IReadOnlyList<SetOrRel<ESet, ERel>>> step, SourceSpan span, bool exact)
    {
        var current = start;
        while (true)
        {
            var next = step(current);
            if (next.Zip(current).All(p => Same(p.First, p.Second))) return current;
            current = next;
        }
    }

    private static bool Same(SetOrRel<ESet, ERel> a, SetOrRel<ESet, ERel> b) =>
        a.IsSet ? a.Set.Items.SetEquals(b.Set.Items) : a.Rel.Pairs.SetEquals(b.Rel.Pairs);

    public IReadOnlyList<ESet> Elements(ESet s) => s.Items.Select(e => new ESet([e])).ToList();
    public IReadOnlyList<ERel> Pairs(ERel r) => r.Pairs.Select(p => new ERel([p])).ToList();

    /// <summary>For tests, an event's location is its parity.</summary>
    public IReadOnlyList<ESet> PartitionByLocation(ESet s) =>
        s.Items.GroupBy(e => e % 2).Select(g => new ESet(g)).ToList();

    /// <summary>The choices made, in order: one execution, so the first option that is there is taken.</summary>
    public List<string> Choices { get; } = [];

    public ERel ChooseOne(IReadOnlyList<ESet> present, IReadOnlyList<(IReadOnlyList<ESet> Witness, ERel Option)> options)
    {
        var there = options.Where(o => o.Witness.All(w => w.Items.Count > 0)).Select(o => o.Option).ToList();
        Choices.Add($"one of {there.Count}");
        return present.Any(p => p.Items.Count == 0) || there.Count == 0 ? EmptyRelation : there[0];
    }

    /// <summary>The order that puts each event as early as <paramref name="order"/> allows, smaller events first.</summary>
    public ERel Linearisation(IReadOnlyList<ESet> present, ESet s, ERel order)
    {
        var left = new SortedSet<int>(s.Items);
        var sequence = new List<int>();
        while (left.Count > 0)
        {
            var next = left.First(e => !order.Pairs.Any(p => p.Item2 == e && p.Item1 != e && left.Contains(p.Item1)));
            sequence.Add(next);
            left.Remove(next);
        }
        Choices.Add("order " + string.Join("<", sequence));
        return new(from i in Enumerable.Range(0, sequence.Count) from j in Enumerable.Range(i + 1, sequence.Count - i - 1)
                   select (sequence[i], sequence[j]));
    }

    public void Check(ModelCheck check, SetOrRel<ESet, ERel> value)
    {
        var rel = value.IsSet ? Identity(value.Set) : value.Rel;
        var holds = check.Kind switch
        {
            CatCheckKind.Acyclic => !Plus(rel).Pairs.Any(p => p.Item1 == p.Item2),
            CatCheckKind.Irreflexive => !rel.Pairs.Any(p => p.Item1 == p.Item2),
            _ => value.IsSet ? value.Set.Items.Count == 0 : rel.Pairs.Count == 0,
        };
        Checks.Add((check.Name, check.Negated ? !holds : holds, check.Role == CheckRole.Flag));
    }

    public void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span) =>
        Instructions[eventKind] = tags.ToHashSet();
}

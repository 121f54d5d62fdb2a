using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>
/// What one <c>with</c> of the model picked. An order (a linearisation) has exactly one of (a, b) and (b, a) for
/// every two members present, as co does; a pick among a set's elements has no such shape (one element may
/// contain another).
/// </summary>
public sealed record ModelChoice(SymRel Relation, bool IsOrder);

/// <summary>
/// The choices of <c>with x from S</c> (see <c>CatInterpreter.Choices</c>): herd runs the model once per
/// element of S; here fresh Boolean variables pick the element, so that each model of the constraints is one
/// of herd's candidates.
/// </summary>
public sealed partial class SymbolicAlgebra
{
    private int _choices;
    private readonly List<ModelChoice> _chosen = [];

    /// <summary>
    /// What each choice made so far picked (a relation per <c>ChooseOne</c> or <c>Linearisation</c>): part of
    /// what tells one of herd's executions from another, since herd counts each choice as an execution.
    /// </summary>
    public IReadOnlyList<ModelChoice> Chosen => _chosen;

    public IReadOnlyList<SymSet> Elements(SymSet s) => s.Members().Select(m =>
    {
        var one = new SymSet(_eventCount);
        one.Set(m.Event, m.Condition);
        return one;
    }).ToList();

    public IReadOnlyList<SymRel> Pairs(SymRel r) => r.Edges().Select(e =>
    {
        var one = new SymRel(_eventCount);
        one.Set(e.From, e.To, e.Condition);
        return one;
    }).ToList();

    public IReadOnlyList<SymSet> PartitionByLocation(SymSet s) => _exec.PartitionByAddress(s).Where(c => !IsEmpty(c)).ToList();

    /// <summary>Every set in the list is non-empty.</summary>
    private Term AllThere(IReadOnlyList<SymSet> witness) => _terms.And(witness.Select(w => _terms.Or(w.Members().Select(m => m.Condition))));

    public SymRel ChooseOne(IReadOnlyList<SymSet> present, IReadOnlyList<(IReadOnlyList<SymSet> Witness, SymRel Option)> options)
    {
        var id = _choices++;
        var group = AllThere(present);
        var picked = new List<Term>();
        var result = new SymRel(_eventCount);
        for (var i = 0; i < options.Count; i++)
        {
            var there = _terms.And(group, AllThere(options[i].Witness));
            if (there.IsFalse) continue;
            var pick = _terms.BoolVar($"choice{id}_{i}");
            Constraints.Definitions.Add(_terms.Implies(pick, there));
            foreach (var (a, b, t) in options[i].Option.Edges()) result.AddOr(_terms, a, b, _terms.And(pick, t));
            picked.Add(pick);
        }
        Constraints.Definitions.Add(_terms.Implies(group, _terms.Or(picked)));
        _exec.AtMostOne(picked);
        _chosen.Add(new ModelChoice(result, IsOrder: false));
        return result;
    }

    /// <summary>A chosen order on each pair of possible members (as co is), with the pairs of the given order forced.</summary>
    public SymRel Linearisation(IReadOnlyList<SymSet> present, SymSet s, SymRel order)
    {
        var id = _choices++;
        var group = AllThere(present);
        var members = s.Members().ToList();
        // herd sorts s topologically along r as a whole: a path of r through events outside s orders its
        // ends too (simple-c11.cat's S = linearisations(SC, hb | co), where co leads out of SC and po back in).
        // Only an order with an edge leaving s needs its closure; generate_cos's per-location orders have none.
        if (order.Edges().Any(e => s.Get(e.From) is null || s.Get(e.To) is null)) order = Plus(order);
        var result = new SymRel(_eventCount);
        for (var i = 0; i < members.Count; i++)
            for (var j = i + 1; j < members.Count; j++)
            {
                var ((a, ta), (b, tb)) = (members[i], members[j]);
                var both = _terms.And(group, ta, tb);
                if (both.IsFalse) continue;
                var (ab, ba) = _exec.OrderedPair($"lin{id}", a, b, both);
                if (order.Get(a, b) is { } o1) Constraints.Definitions.Add(_terms.Implies(_terms.And(both, o1), ab));
                if (order.Get(b, a) is { } o2) Constraints.Definitions.Add(_terms.Implies(_terms.And(both, o2), ba));
                result.Set(a, b, ab);
                result.Set(b, a, ba);
            }
        _chosen.Add(new ModelChoice(result, IsOrder: true));
        return result;
    }
}

using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Encoding;

public sealed partial class SymbolicAlgebra
{
    private int _clockSets;
    private int _cycleWitnesses;

    /// <summary>herd's name for the flag an <c>undefined_unless</c> raises (printed <c>Flag *undef*</c>, whatever the check's name).</summary>
    public const string UndefinedFlag = ModelCheck.UndefinedFlag;

    /// <summary>
    /// Axioms hold, flags are raised when their check (with its ~) holds, and <c>undefined_unless</c> raises herd's
    /// undef flag when its check FAILS (herd's interpreter adds <c>Flag.Undef</c> on failure). Every term built
    /// here is only ever asserted positively, so the existential helper variables of the acyclicity encodings
    /// (clocks, cycle witnesses) are sound: each check is encoded in the direction it is used, never by negating
    /// the other direction's formula.
    /// </summary>
    public void Check(ModelCheck check, SetOrRel<SymSet, SymRel> value)
    {
        var wantHolds = !check.Negated;
        if (check.Role == CheckRole.UndefinedUnless) wantHolds = !wantHolds;
        var term = Test(check.Kind, value, wantHolds);
        if (check.Role == CheckRole.UndefinedUnless)
            Constraints.Flags.Add(new Flag(UndefinedFlag, term, check.Span));
        else if (check.Role == CheckRole.Flag)
            Constraints.Flags.Add(new Flag(check.Name, term, check.Span));
        else
            Constraints.Axioms.Add(new Axiom(check.Name, term, check.Span));
    }

    /// <summary>A term that is satisfiable together with the execution exactly when the test's outcome is <paramref name="holds"/>.</summary>
    private Term Test(CatCheckKind kind, SetOrRel<SymSet, SymRel> value, bool holds)
    {
        if (kind == CatCheckKind.Acyclic)
        {
            var r = value.IsSet ? Identity(value.Set) : value.Rel;
            return holds ? Acyclic(r) : Cyclic(r);
        }
        var t = kind == CatCheckKind.Irreflexive ? Irreflexive(value.IsSet ? Identity(value.Set) : value.Rel) : IsEmpty(value);
        return holds ? t : _terms.Not(t);
    }

    private Term IsEmpty(SetOrRel<SymSet, SymRel> v) =>
        v.IsSet ? _terms.Not(_terms.Or(v.Set.Members().Select(m => m.Condition)))
                : _terms.Not(_terms.Or(v.Rel.Edges().Select(e => e.Condition)));

    private Term Irreflexive(SymRel r)
    {
        var loops = new List<Term>();
        for (var a = 0; a < _eventCount; a++)
            if (r.Get(a, a) is { } t) loops.Add(t);
        return _terms.Not(_terms.Or(loops));
    }

    /// <summary>
    /// Acyclicity by integer clocks: every edge that holds must go forward in time. Only edges inside a strongly
    /// connected component of the may-graph can close a cycle, so only those get clock constraints; a relation
    /// whose may-graph has no cycle is acyclic for free. The clocks are free variables, so this term may only be
    /// asserted (its negation says nothing: the solver would pick clocks that break it).
    /// </summary>
    private Term Acyclic(SymRel r)
    {
        var component = StronglyConnected.Components(_eventCount, a => r.Rows[a].Keys);
        var conjuncts = new List<Term>();
        var tag = $"clk{_clockSets++}";
        foreach (var (a, b, t) in r.Edges())
        {
            if (a == b) { conjuncts.Add(_terms.Not(t)); continue; }
            if (component[a] != component[b]) continue;
            conjuncts.Add(_terms.Implies(t, _terms.Lt(_terms.IntVar($"{tag}_{a}"), _terms.IntVar($"{tag}_{b}"))));
        }
        return _terms.And(conjuncts);
    }

    /// <summary>
    /// The relation has a cycle, by an existential witness: a non-empty set S of events in which every member has
    /// an r-successor in S. Such an S exists exactly when r has a cycle (following successors inside a finite S
    /// must revisit an event; conversely the events of a cycle form such an S). Only events inside a may-cycle
    /// (a strongly connected component with an edge) can be members. Like the clocks, S is free: assert only.
    /// </summary>
    private Term Cyclic(SymRel r)
    {
        var component = StronglyConnected.Components(_eventCount, a => r.Rows[a].Keys);
        var tag = $"cyc{_cycleWitnesses++}";
        Term Member(int a) => _terms.BoolVar($"{tag}_{a}");
        var candidates = Enumerable.Range(0, _eventCount)
            .Where(a => r.Rows[a].Keys.Any(b => component[b] == component[a])).ToList();
        if (candidates.Count == 0) return _terms.False;
        var conjuncts = new List<Term> { _terms.Or(candidates.Select(a => Member(a))) };
        var isCandidate = candidates.ToHashSet();
        foreach (var a in candidates)
        {
            var successors = r.Rows[a]
                .Where(kv => isCandidate.Contains(kv.Key) && component[kv.Key] == component[a])
                .Select(kv => _terms.And(kv.Value, Member(kv.Key)));
            conjuncts.Add(_terms.Implies(Member(a), _terms.Or(successors)));
        }
        return _terms.And(conjuncts);
    }
}

using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Encoding;

using SymSetOrRel = SetOrRel<SymSet, SymRel>;

public sealed partial class SymbolicAlgebra
{
    /// <summary>Kleene steps tried on symbolic values before switching to the rank encoding.</summary>
    private const int SymbolicKleeneSteps = 3;
    private int _fixpoints;

    /// <summary>
    /// <c>let rec</c>: the least fixpoint, exact in any position a model uses it.
    /// <list type="number">
    /// <item>Kleene iteration from the first iterate. Terms are hash-consed, so reaching a fixpoint is a
    /// reference comparison; when the inputs are known (po, tags) this always ends, with constants.</item>
    /// <item>Otherwise, for a monotone step, the rank encoding: a fresh variable per may-pair stands for
    /// membership, with (a) <c>step(X) ⊆ X</c>, so X contains the least fixpoint, and (b) every pair of X is
    /// justified by <c>step</c> using only pairs of strictly smaller integer rank, so X contains nothing the
    /// least fixpoint lacks (a well-founded derivation exists). Together X equals the least fixpoint in every
    /// model of the constraints, so it is sound under negation (<c>\</c>, <c>~</c>) and in flags, not only in
    /// axioms where an over-approximation would do.</item>
    /// <item>A non-monotone step with symbolic inputs iterates on until it stabilises (as herd does).</item>
    /// </list>
    /// Where only a value containing the least fixpoint is needed (<paramref name="exact"/> false: the fixpoint
    /// feeds an axiom positively), the ranks are left out: X is then any pre-fixpoint, which contains the least
    /// one when the step is monotone, and the solver is free to pick the least one itself. Ranks are integer
    /// variables on every pair, the costliest part of the encoding on long RCU chains.
    /// </summary>
    public IReadOnlyList<SymSetOrRel> LeastFixpoint(IReadOnlyList<SymSetOrRel> start, Func<IReadOnlyList<SymSetOrRel>, IReadOnlyList<SymSetOrRel>> step, SourceSpan span, bool exact)
    {
        // herd iterates from empty and stops at the first iterate that is included in the one before it
        // (interpreter.ml, stabilised: subrel w v), returning that iterate. For a monotone step that is the least
        // fixpoint; for a non-monotone one (upstream rcu-rscs) it is herd's own answer, which may differ by
        // execution: the stops are kept, and the result chooses the iterate herd would have stopped at.
        var stops = new List<(Term Stop, IReadOnlyList<SymSetOrRel> SymSetOrRel)>();
        var current = start;
        var bound = StabilityBound(current.Count);
        for (var i = 0; ; i++)
        {
            var next = step(current);
            if (Same(current, next)) return HerdsStop(stops, current);
            var stop = Included(next, current);
            if (stop.IsTrue) return HerdsStop(stops, next);
            if (!stop.IsFalse) stops.Add((stop, next));
            current = next;
            if (i >= SymbolicKleeneSteps && !current.All(IsConstant)) break;
            if (i > bound) return IterateToStability(stops, current, step, span, bound);
        }
        // A monotone step climbs from empty to its least fixpoint, where herd stops too: the rank encoding is exact.
        if (RankEncoding(current, step, exact) is { } fixpoint) return fixpoint;
        return IterateToStability(stops, current, step, span, bound);
    }

    /// <summary>
    /// Iterates on (herd's way, see <see cref="LeastFixpoint"/>) until an iterate is included in the one before it
    /// in every execution. When that does not happen within the bound, herd would loop for ever in some execution,
    /// and the last iterate is not its answer: stop with an error at the let rec rather than return it silently.
    /// </summary>
    private IReadOnlyList<SymSetOrRel> IterateToStability(List<(Term Stop, IReadOnlyList<SymSetOrRel> SymSetOrRel)> stops, IReadOnlyList<SymSetOrRel> current,
        Func<IReadOnlyList<SymSetOrRel>, IReadOnlyList<SymSetOrRel>> step, SourceSpan span, int bound)
    {
        for (var i = 0; i < bound; i++)
        {
            var next = step(current);
            if (Same(current, next)) return HerdsStop(stops, current);
            var stop = Included(next, current);
            if (stop.IsTrue) return HerdsStop(stops, next);
            if (!stop.IsFalse) stops.Add((stop, next));
            current = next;
        }
        throw new LitmusInputException(span,
            $"this let rec did not stabilise within {bound} steps (herd stops when an iterate is included in the previous one, and would loop for ever here)");
    }

    /// <summary>A strictly growing sequence of values over N events has at most this many steps per binding.</summary>
    private int StabilityBound(int bindings) => (_eventCount * _eventCount + _eventCount) * bindings + 1;

    /// <summary>The iterate herd stops at: the first whose stop condition holds, else <paramref name="last"/> (which is stable).</summary>
    private IReadOnlyList<SymSetOrRel> HerdsStop(List<(Term Stop, IReadOnlyList<SymSetOrRel> SymSetOrRel)> stops, IReadOnlyList<SymSetOrRel> last)
    {
        var result = last;
        for (var k = stops.Count - 1; k >= 0; k--)
        {
            var (stop, value) = stops[k];
            var otherwise = result;
            result = value.Select((v, i) => Choose(stop, v, otherwise[i])).ToList();
        }
        return result;
    }

    /// <summary>In every execution: a when c holds, else b.</summary>
    private SymSetOrRel Choose(Term c, SymSetOrRel a, SymSetOrRel b)
    {
        Term Pick(Term? x, Term? y) => _terms.Or(_terms.And(c, x ?? _terms.False), _terms.And(_terms.Not(c), y ?? _terms.False));
        if (a.IsSet)
        {
            var s = new SymSet(_eventCount);
            for (var i = 0; i < _eventCount; i++)
                if (a.Set.Get(i) is not null || b.Set.Get(i) is not null) s.Set(i, Pick(a.Set.Get(i), b.Set.Get(i)));
            return SymSetOrRel.OfSet(s);
        }
        var r = new SymRel(_eventCount);
        foreach (var (x, y) in Support(a).Union(Support(b)))
            r.Set(x, y, Pick(a.Rel.Get(x, y), b.Rel.Get(x, y)));
        return SymSetOrRel.OfRel(r);
    }

    /// <summary>The condition that every binding's next value is included in its current one.</summary>
    private Term Included(IReadOnlyList<SymSetOrRel> next, IReadOnlyList<SymSetOrRel> current)
    {
        var parts = new List<Term>();
        for (var i = 0; i < next.Count; i++)
        {
            var cur = Entries(current[i]).ToDictionary(e => e.Pair, e => e.Condition);
            foreach (var (p, t) in Entries(next[i]))
                parts.Add(_terms.Implies(t, cur.GetValueOrDefault(p) ?? _terms.False));
        }
        return _terms.And(parts);
    }

    private List<SymSetOrRel>? RankEncoding(IReadOnlyList<SymSetOrRel> approx, Func<IReadOnlyList<SymSetOrRel>, IReadOnlyList<SymSetOrRel>> step, bool exact)
    {
        var id = _fixpoints++;
        // The pairs that may ever be in the fixpoint: grow until step maps atoms over them into them.
        var support = approx.Select(Support).ToList();
        List<SymSetOrRel> atoms;
        IReadOnlyList<SymSetOrRel> image;
        while (true)
        {
            atoms = support.Select((s, i) => Atoms(approx[i].IsSet, s, $"fix{id}_{i}")).ToList();
            image = step(atoms);
            var grown = false;
            for (var i = 0; i < image.Count; i++)
                foreach (var p in Support(image[i]))
                    grown |= support[i].Add(p);
            if (!grown) break;
        }

        var atomTerms = new Dictionary<Term, (int Binding, (int, int) Pair)>();
        for (var i = 0; i < atoms.Count; i++)
            foreach (var (p, t) in Entries(atoms[i])) atomTerms[t] = (i, p);
        if (Polarity.OccursNegatively(image.SelectMany(v => Entries(v).Select(e => e.Condition)), atomTerms.Keys.ToHashSet()))
            return null;

        Term Rank(int binding, (int A, int B) p) => _terms.IntVar($"rank{id}_{binding}_{p.A}_{p.B}");
        // The justification of each pair rewrites its image; most of an image (the rcu-link and hb parts of an
        // RCU chain) holds no atom, and walking it again for every pair made a 17-thread test run for minutes.
        var holdsAtom = new Dictionary<Term, bool>(ReferenceEqualityComparer.Instance);
        bool HoldsAtom(Term t)
        {
            if (holdsAtom.TryGetValue(t, out var known)) return known;
            var result = atomTerms.ContainsKey(t) || t.Children.Any(HoldsAtom);
            holdsAtom[t] = result;
            return result;
        }
        for (var i = 0; i < atoms.Count; i++)
        {
            var images = Entries(image[i]).ToDictionary(e => e.Pair, e => e.Condition);
            foreach (var (p, x) in Entries(atoms[i]))
            {
                var phi = images.GetValueOrDefault(p) ?? _terms.False;
                Constraints.Definitions.Add(_terms.Implies(phi, x));
                if (!exact) continue;
                var rank = Rank(i, p);
                var justified = TermRewriter.Substitute(_terms, phi, t =>
                    atomTerms.TryGetValue(t, out var q) ? _terms.And(t, _terms.Lt(Rank(q.Binding, q.Pair), rank))
                    : HoldsAtom(t) ? null : t);
                Constraints.Definitions.Add(_terms.Implies(x, justified));
            }
        }
        return atoms;
    }

    private HashSet<(int, int)> Support(SymSetOrRel v) => Entries(v).Select(e => e.Pair).ToHashSet();

    private static IEnumerable<((int, int) Pair, Term Condition)> Entries(SymSetOrRel v) =>
        v.IsSet ? v.Set.Members().Select(m => ((m.Event, m.Event), m.Condition))
                : v.Rel.Edges().Select(e => ((e.From, e.To), e.Condition));

    private SymSetOrRel Atoms(bool isSet, HashSet<(int, int)> pairs, string prefix)
    {
        if (isSet)
        {
            var s = new SymSet(_eventCount);
            foreach (var (a, _) in pairs) s.Set(a, _terms.BoolVar($"{prefix}_{a}"));
            return SymSetOrRel.OfSet(s);
        }
        var r = new SymRel(_eventCount);
        foreach (var (a, b) in pairs) r.Set(a, b, _terms.BoolVar($"{prefix}_{a}_{b}"));
        return SymSetOrRel.OfRel(r);
    }

    private static bool IsConstant(SymSetOrRel v) => v.IsSet ? v.Set.IsConstant : v.Rel.IsConstant;

    private static bool Same(IReadOnlyList<SymSetOrRel> a, IReadOnlyList<SymSetOrRel> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].IsSet != b[i].IsSet) return false;
            if (a[i].IsSet ? !a[i].Set.SameAs(b[i].Set) : !a[i].Rel.SameAs(b[i].Rel)) return false;
        }
        return true;
    }
}

using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Encoding;

using Value = SetOrRel<SymSet, SymRel>;

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
    public IReadOnlyList<Value> LeastFixpoint(IReadOnlyList<Value> start, Func<IReadOnlyList<Value>, IReadOnlyList<Value>> step, SourceSpan span, bool exact)
    {
        var current = start;
        for (var i = 0; ; i++)
        {
            var next = step(current);
            if (Same(current, next)) return current;
            current = next;
            if (i >= SymbolicKleeneSteps && !current.All(IsConstant)) break;
            if (i > N * N + N) return current; // constant iteration cannot go on longer than there are pairs
        }
        return RankEncoding(current, step, exact) ?? IterateToStability(current, step);
    }

    private IReadOnlyList<Value> IterateToStability(IReadOnlyList<Value> current, Func<IReadOnlyList<Value>, IReadOnlyList<Value>> step)
    {
        var limit = (N * N + N) * current.Count + 1;
        for (var i = 0; i < limit; i++)
        {
            var next = step(current);
            if (Same(current, next)) break;
            current = next;
        }
        return current;
    }

    private IReadOnlyList<Value>? RankEncoding(IReadOnlyList<Value> approx, Func<IReadOnlyList<Value>, IReadOnlyList<Value>> step, bool exact)
    {
        var id = _fixpoints++;
        // The pairs that may ever be in the fixpoint: grow until step maps atoms over them into them.
        var support = approx.Select(Support).ToList();
        IReadOnlyList<Value> atoms, image;
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
        if (image.Any(v => Entries(v).Any(e => Polarity.OccursNegatively(e.Condition, atomTerms.Keys))))
            return null;

        Term Rank(int binding, (int A, int B) p) => F.IntVar($"rank{id}_{binding}_{p.A}_{p.B}");
        for (var i = 0; i < atoms.Count; i++)
        {
            var images = Entries(image[i]).ToDictionary(e => e.Pair, e => e.Condition);
            foreach (var (p, x) in Entries(atoms[i]))
            {
                var phi = images.GetValueOrDefault(p) ?? F.False;
                Constraints.Definitions.Add(F.Implies(phi, x));
                if (!exact) continue;
                var rank = Rank(i, p);
                var justified = TermRewriter.Substitute(F, phi, t =>
                    atomTerms.TryGetValue(t, out var q) ? F.And(t, F.Lt(Rank(q.Binding, q.Pair), rank)) : null);
                Constraints.Definitions.Add(F.Implies(x, justified));
            }
        }
        return atoms;
    }

    private HashSet<(int, int)> Support(Value v) => Entries(v).Select(e => e.Pair).ToHashSet();

    private static IEnumerable<((int, int) Pair, Term Condition)> Entries(Value v) =>
        v.IsSet ? v.Set!.Members().Select(m => ((m.Event, m.Event), m.Condition))
                : v.Rel!.Edges().Select(e => ((e.From, e.To), e.Condition));

    private Value Atoms(bool isSet, HashSet<(int, int)> pairs, string prefix)
    {
        if (isSet)
        {
            var s = new SymSet(N);
            foreach (var (a, _) in pairs) s.Set(a, F.BoolVar($"{prefix}_{a}"));
            return Value.OfSet(s);
        }
        var r = new SymRel(N);
        foreach (var (a, b) in pairs) r.Set(a, b, F.BoolVar($"{prefix}_{a}_{b}"));
        return Value.OfRel(r);
    }

    private static bool IsConstant(Value v) => v.IsSet ? v.Set!.IsConstant : v.Rel!.IsConstant;

    private static bool Same(IReadOnlyList<Value> a, IReadOnlyList<Value> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].IsSet != b[i].IsSet) return false;
            if (a[i].IsSet ? !a[i].Set!.SameAs(b[i].Set!) : !a[i].Rel!.SameAs(b[i].Rel!)) return false;
        }
        return true;
    }
}

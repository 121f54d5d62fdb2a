using Litmus.Logic;

namespace Litmus.Encoding;

public sealed partial class SymbolicAlgebra
{
    /// <summary>
    /// Transitive closure, exactly, by Floyd–Warshall over terms: after pivot k, (i, j) holds when a path from
    /// i to j through pivots 0..k exists. Only may-edges are visited, and constant edges fold, so a closure of
    /// a known relation (po) costs no solver terms.
    /// </summary>
    public SymRel Plus(SymRel r, bool exact) => exact || r.IsConstant ? Plus(r) : LowerBoundPlus(r);

    /// <summary>
    /// A relation containing r+ in every execution, for positive uses: a fresh variable per pair that r's
    /// may-graph can connect, with Horn clauses <c>r ⊆ x</c> and <c>x ; r ⊆ x</c>. Checks only get harder when
    /// x is larger, so the solver has no reason to make it so, and the allowed executions stay exactly those
    /// of the exact closure, at a cost of about (pairs × out-degree) small clauses instead of a term per
    /// Floyd–Warshall step.
    /// </summary>
    private SymRel LowerBoundPlus(SymRel r)
    {
        var id = _closures++;
        var x = new SymRel(_eventCount);
        var reach = Reachability(r);
        // A pair that a path of edges present in every execution connects is in r+ in every execution: it is
        // true, and every clause that would derive it folds away (cumul-fence* of manual/locked's
        // WW+WR+WR+WR+rfi-pos+onces+locked: 21,417 definitions before, 19,961 after; most of its edges hang
        // on the rf of a lock, and those stay variables).
        var always = Reachability(r, t => t.IsTrue);
        for (var a = 0; a < _eventCount; a++)
            foreach (var b in reach[a]) x.Set(a, b, always[a].BinarySearch(b) >= 0 ? _terms.True : _terms.BoolVar($"tc{id}_{a}_{b}"));
        void Add(Term clause)
        {
            if (!clause.IsTrue) Constraints.Definitions.Add(clause);
        }
        foreach (var (a, b, t) in r.Edges()) Add(_terms.Implies(t, x.Get(a, b)!));
        for (var a = 0; a < _eventCount; a++)
            foreach (var (c, xac) in x.Rows[a])
                foreach (var (b, t) in r.Rows[c])
                    if (!x.Get(a, b)!.IsTrue) Add(_terms.Implies(_terms.And(xac, t), x.Get(a, b)!));
        return x;
    }

    private int _closures;

    /// <summary>For each node, the nodes reachable by one or more may-edges (those <paramref name="edge"/> keeps), sorted.</summary>
    private List<int>[] Reachability(SymRel r, Func<Term, bool>? edge = null)
    {
        var result = new List<int>[_eventCount];
        for (var a = 0; a < _eventCount; a++)
        {
            var seen = new HashSet<int>();
            var work = new Stack<int>(r.Rows[a].Where(e => edge?.Invoke(e.Value) != false).Select(e => e.Key));
            while (work.Count > 0)
            {
                var v = work.Pop();
                if (!seen.Add(v)) continue;
                foreach (var (w, t) in r.Rows[v])
                    if (edge?.Invoke(t) != false) work.Push(w);
            }
            result[a] = seen.Order().ToList();
        }
        return result;
    }

    /// <summary>The exact closure.</summary>
    public SymRel Plus(SymRel r)
    {
        var m = Copy(r);
        var into = new List<(int From, Term Cond)>();
        for (var k = 0; k < _eventCount; k++)
        {
            into.Clear();
            for (var i = 0; i < _eventCount; i++)
                if (m.Rows[i].TryGetValue(k, out var ik)) into.Add((i, ik));
            if (into.Count == 0 || m.Rows[k].Count == 0) continue;
            var outOf = m.Rows[k].ToList();
            foreach (var (i, ik) in into)
                foreach (var (j, kj) in outOf)
                    m.AddOr(_terms, i, j, _terms.And(ik, kj));
        }
        return m;
    }
}

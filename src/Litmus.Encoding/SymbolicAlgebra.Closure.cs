using Litmus.Logic;

namespace Litmus.Encoding;

public sealed partial class SymbolicAlgebra
{
    /// <summary>
    /// Transitive closure, exactly, by Floyd–Warshall over terms: after pivot k, (i, j) holds when a path from
    /// i to j through pivots 0..k exists. Only may-edges are visited, and constant edges fold, so a closure of
    /// a known relation (po) costs no solver terms.
    /// </summary>
    public SymRel Plus(SymRel r)
    {
        var m = Copy(r);
        var into = new List<(int From, Term Cond)>();
        for (var k = 0; k < N; k++)
        {
            into.Clear();
            for (var i = 0; i < N; i++)
                if (m.Rows[i].TryGetValue(k, out var ik)) into.Add((i, ik));
            if (into.Count == 0 || m.Rows[k].Count == 0) continue;
            var outOf = m.Rows[k].ToList();
            foreach (var (i, ik) in into)
                foreach (var (j, kj) in outOf)
                    m.AddOr(F, i, j, F.And(ik, kj));
        }
        return m;
    }
}

using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Encoding;

public sealed partial class SymbolicAlgebra
{
    private int _clockSets;

    public void Check(CatCheck check, SetOrRel<SymSet, SymRel> value, string name)
    {
        var holds = check.Kind switch
        {
            CatCheckKind.Acyclic => Acyclic(value.Rel ?? Identity(value.Set!)),
            CatCheckKind.Irreflexive => Irreflexive(value.Rel ?? Identity(value.Set!)),
            _ => IsEmpty(value),
        };
        if (check.Negated) holds = F.Not(holds);
        if (check.IsFlag || check.IsUndefinedUnless)
            // "flag ~empty r": the flag is raised when the check (with its ~) holds.
            Constraints.Flags.Add(new Flag(name, holds, check.Span));
        else
            Constraints.Axioms.Add(new Axiom(name, holds, check.Span));
    }

    private Term IsEmpty(SetOrRel<SymSet, SymRel> v) =>
        v.IsSet ? F.Not(F.Or(v.Set!.Members().Select(m => m.Condition)))
                : F.Not(F.Or(v.Rel!.Edges().Select(e => e.Condition)));

    private Term Irreflexive(SymRel r)
    {
        var loops = new List<Term>();
        for (var a = 0; a < N; a++)
            if (r.Get(a, a) is { } t) loops.Add(t);
        return F.Not(F.Or(loops));
    }

    /// <summary>
    /// Acyclicity by integer clocks: every edge that holds must go forward in time. Only edges inside a strongly
    /// connected component of the may-graph can close a cycle, so only those get clock constraints; a relation
    /// whose may-graph has no cycle is acyclic for free.
    /// </summary>
    private Term Acyclic(SymRel r)
    {
        var component = StronglyConnected.Components(N, a => r.Rows[a].Keys);
        var conjuncts = new List<Term>();
        var tag = $"clk{_clockSets++}";
        foreach (var (a, b, t) in r.Edges())
        {
            if (a == b) { conjuncts.Add(F.Not(t)); continue; }
            if (component[a] != component[b]) continue;
            conjuncts.Add(F.Implies(t, F.Lt(F.IntVar($"{tag}_{a}"), F.IntVar($"{tag}_{b}"))));
        }
        return F.And(conjuncts);
    }
}

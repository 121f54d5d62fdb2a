using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Encoding;

/// <summary>
/// The relation algebra of one test's executions, symbolically: every set and relation is a matrix of terms over
/// the test's events, and every operation builds the terms of its result. Checks (axioms and flags) become
/// constraints collected in <see cref="Constraints"/>.
/// </summary>
public sealed partial class SymbolicAlgebra : IRelationAlgebra<SymSet, SymRel>
{
    private readonly TermFactory F;
    private readonly int N;
    private readonly ExecutionRelations _exec;

    public SymbolicAlgebra(ExecutionRelations exec)
    {
        _exec = exec;
        F = exec.Terms;
        N = exec.EventCount;
        AllEvents = exec.All;
        EmptySet = new SymSet(N);
        EmptyRelation = new SymRel(N);
    }

    public ConstraintSet Constraints => _exec.Constraints;

    public SymSet EmptySet { get; }
    public SymSet AllEvents { get; }
    public SymRel EmptyRelation { get; }

    public bool IsEmpty(SymSet s) => s.Items.All(t => t is null);
    public bool IsEmpty(SymRel r) => r.EdgeCount == 0;

    public SymSet Union(SymSet a, SymSet b) => Pointwise(a, b, (x, y) => x is null ? y : y is null ? x : F.Or(x, y));
    public SymSet Inter(SymSet a, SymSet b) => Pointwise(a, b, (x, y) => x is null || y is null ? null : F.And(x, y));
    public SymSet Diff(SymSet a, SymSet b) => Pointwise(a, b, (x, y) => x is null ? null : y is null ? x : F.And(x, F.Not(y)));

    private SymSet Pointwise(SymSet a, SymSet b, Func<Term?, Term?, Term?> f)
    {
        var r = new SymSet(N);
        for (var i = 0; i < N; i++)
            if (f(a.Items[i], b.Items[i]) is { } t) r.Set(i, t);
        return r;
    }

    public SymRel Union(SymRel a, SymRel b)
    {
        var r = Copy(a);
        foreach (var (x, y, t) in b.Edges()) r.AddOr(F, x, y, t);
        return r;
    }

    public SymRel Inter(SymRel a, SymRel b) => SymRel.Inter(F, a, b);

    public SymRel Diff(SymRel a, SymRel b)
    {
        var r = new SymRel(N);
        for (var x = 0; x < N; x++)
            foreach (var (y, t) in a.Rows[x])
                r.Set(x, y, b.Rows[x].TryGetValue(y, out var u) ? F.And(t, F.Not(u)) : t);
        return r;
    }

    /// <summary>(a;b)(x,z) = OR over y of a(x,y) and b(y,z).</summary>
    public SymRel Seq(SymRel a, SymRel b)
    {
        var r = new SymRel(N);
        var parts = new Dictionary<int, List<Term>>();
        for (var x = 0; x < N; x++)
        {
            parts.Clear();
            foreach (var (y, t) in a.Rows[x])
                foreach (var (z, u) in b.Rows[y])
                {
                    if (!parts.TryGetValue(z, out var list)) parts[z] = list = [];
                    list.Add(F.And(t, u));
                }
            foreach (var (z, list) in parts) r.Set(x, z, F.Or(list));
        }
        return r;
    }

    public SymRel Inverse(SymRel a)
    {
        var r = new SymRel(N);
        foreach (var (x, y, t) in a.Edges()) r.Set(y, x, t);
        return r;
    }

    public SymRel Product(SymSet a, SymSet b) => SymRel.Product(F, a, b);

    public SymRel Identity(SymSet s)
    {
        var r = new SymRel(N);
        foreach (var (x, t) in s.Members()) r.Set(x, x, t);
        return r;
    }

    public SymSet Domain(SymRel r)
    {
        var s = new SymSet(N);
        for (var x = 0; x < N; x++)
            if (r.Rows[x].Count > 0) s.Set(x, F.Or(r.Rows[x].Values));
        return s;
    }

    public SymSet Range(SymRel r) => Domain(Inverse(r));

    public SymRel DifferentValues(SymRel r) => FilterByValues(r, equal: false);
    public SymRel SameValues(SymRel r) => FilterByValues(r, equal: true);

    private SymRel FilterByValues(SymRel r, bool equal)
    {
        var result = new SymRel(N);
        foreach (var (x, y, t) in r.Edges())
        {
            var (vx, vy) = (_exec.ValueOf(x), _exec.ValueOf(y));
            if (vx is null || vy is null) continue;
            var same = F.Eq(vx, vy);
            result.Set(x, y, F.And(t, equal ? same : F.Not(same)));
        }
        return result;
    }

    public SetOrRel<SymSet, SymRel>? Predefined(string name) => _exec.Predefined(name);

    public SymSet Tagged(string tag) => _exec.Tagged(tag);

    public void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span) =>
        _exec.DeclareInstructions(eventKind, tags, span);

    internal SymRel Copy(SymRel a)
    {
        var r = new SymRel(N);
        for (var x = 0; x < N; x++)
            foreach (var (y, t) in a.Rows[x]) r.Rows[x][y] = t;
        return r;
    }
}

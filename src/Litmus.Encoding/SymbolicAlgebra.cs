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
    private readonly TermFactory _terms;
    private readonly int _eventCount;
    private readonly ExecutionRelations _exec;

    public SymbolicAlgebra(ExecutionRelations exec)
    {
        _exec = exec;
        _terms = exec.Terms;
        _eventCount = exec.EventCount;
        AllEvents = exec.All;
        EmptySet = new SymSet(_eventCount);
        EmptyRelation = new SymRel(_eventCount);
    }

    public ConstraintSet Constraints => _exec.Constraints;

    public SymSet EmptySet { get; }
    public SymSet AllEvents { get; }
    public SymRel EmptyRelation { get; }

    public bool IsEmpty(SymSet s) => s.Items.All(t => t is null);
    public bool IsEmpty(SymRel r) => r.EdgeCount == 0;

    public SymSet Union(SymSet a, SymSet b) => Pointwise(a, b, (x, y) => x is null ? y : y is null ? x : _terms.Or(x, y));
    public SymSet Inter(SymSet a, SymSet b) => Pointwise(a, b, (x, y) => x is null || y is null ? null : _terms.And(x, y));
    public SymSet Diff(SymSet a, SymSet b) => Pointwise(a, b, (x, y) => x is null ? null : y is null ? x : _terms.And(x, _terms.Not(y)));

    private SymSet Pointwise(SymSet a, SymSet b, Func<Term?, Term?, Term?> f)
    {
        var r = new SymSet(_eventCount);
        for (var i = 0; i < _eventCount; i++)
            if (f(a.Items[i], b.Items[i]) is { } t) r.Set(i, t);
        return r;
    }

    public SymRel Union(SymRel a, SymRel b)
    {
        var r = Copy(a);
        foreach (var (x, y, t) in b.Edges()) r.AddOr(_terms, x, y, t);
        return r;
    }

    public SymRel Inter(SymRel a, SymRel b) => SymRel.Inter(_terms, a, b);

    public SymRel Diff(SymRel a, SymRel b)
    {
        var r = new SymRel(_eventCount);
        for (var x = 0; x < _eventCount; x++)
            foreach (var (y, t) in a.Rows[x])
                r.Set(x, y, b.Rows[x].TryGetValue(y, out var u) ? _terms.And(t, _terms.Not(u)) : t);
        return r;
    }

    /// <summary>(a;b)(x,z) = OR over y of a(x,y) and b(y,z).</summary>
    public SymRel Seq(SymRel a, SymRel b)
    {
        var r = new SymRel(_eventCount);
        var parts = new Dictionary<int, List<Term>>();
        for (var x = 0; x < _eventCount; x++)
        {
            parts.Clear();
            foreach (var (y, t) in a.Rows[x])
                foreach (var (z, u) in b.Rows[y])
                {
                    if (!parts.TryGetValue(z, out var list)) parts[z] = list = [];
                    list.Add(_terms.And(t, u));
                }
            foreach (var (z, list) in parts) r.Set(x, z, _terms.Or(list));
        }
        return r;
    }

    public SymRel Inverse(SymRel a)
    {
        var r = new SymRel(_eventCount);
        foreach (var (x, y, t) in a.Edges()) r.Set(y, x, t);
        return r;
    }

    public SymRel Product(SymSet a, SymSet b) => SymRel.Product(_terms, a, b);

    public SymRel Identity(SymSet s)
    {
        var r = new SymRel(_eventCount);
        foreach (var (x, t) in s.Members()) r.Set(x, x, t);
        return r;
    }

    public SymSet Domain(SymRel r)
    {
        var s = new SymSet(_eventCount);
        for (var x = 0; x < _eventCount; x++)
            if (r.Rows[x].Count > 0) s.Set(x, _terms.Or(r.Rows[x].Values));
        return s;
    }

    public SymSet Range(SymRel r) => Domain(Inverse(r));

    public SymRel DifferentValues(SymRel r) => FilterByValues(r, equal: false);
    public SymRel SameValues(SymRel r) => FilterByValues(r, equal: true);

    private SymRel FilterByValues(SymRel r, bool equal)
    {
        var result = new SymRel(_eventCount);
        foreach (var (x, y, t) in r.Edges())
        {
            var (vx, vy) = (_exec.ValueOf(x), _exec.ValueOf(y));
            if (vx is null || vy is null) continue;
            var same = _terms.Eq(vx, vy);
            result.Set(x, y, _terms.And(t, equal ? same : _terms.Not(same)));
        }
        return result;
    }

    public SetOrRel<SymSet, SymRel>? Predefined(string name) => _exec.Predefined(name);

    public SymSet Tagged(string tag) => _exec.Tagged(tag);

    public void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span) =>
        _exec.DeclareInstructions(eventKind, tags, span);

    internal SymRel Copy(SymRel a)
    {
        var r = new SymRel(_eventCount);
        for (var x = 0; x < _eventCount; x++)
            foreach (var (y, t) in a.Rows[x]) r.Rows[x][y] = t;
        return r;
    }
}

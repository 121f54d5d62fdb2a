using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>
/// A relation over the events of one test as a sparse matrix of conditions: the pair (a, b) is in the relation
/// exactly when its term holds. A missing entry is <c>false</c>: the static may-analysis, done by the term
/// factory's folding, leaves only the edges that can exist, and only those reach the solver.
/// </summary>
public sealed class SymRel
{
    internal readonly Dictionary<int, Term>[] Rows;

    public SymRel(int n)
    {
        Rows = new Dictionary<int, Term>[n];
        for (var i = 0; i < n; i++) Rows[i] = new Dictionary<int, Term>();
    }

    public int Size => Rows.Length;

    public Term? Get(int a, int b) => Rows[a].GetValueOrDefault(b);

    /// <summary>Sets an entry; a false condition removes it.</summary>
    public void Set(int a, int b, Term t)
    {
        if (t.IsFalse) Rows[a].Remove(b);
        else Rows[a][b] = t;
    }

    /// <summary>Adds a way for (a, b) to hold: the entry becomes the disjunction.</summary>
    public void AddOr(TermFactory f, int a, int b, Term t)
    {
        if (t.IsFalse) return;
        Rows[a][b] = Rows[a].TryGetValue(b, out var old) ? f.Or(old, t) : t;
    }

    public IEnumerable<(int From, int To, Term Condition)> Edges()
    {
        for (var a = 0; a < Rows.Length; a++)
            foreach (var (b, t) in Rows[a].OrderBy(kv => kv.Key))
                yield return (a, b, t);
    }

    public int EdgeCount => Rows.Sum(r => r.Count);

    /// <summary>True when every entry is a constant (the relation is known without solving).</summary>
    public bool IsConstant => Rows.All(r => r.Values.All(t => t.IsTrue));

    /// <summary>Pairs in both relations.</summary>
    public static SymRel Inter(TermFactory f, SymRel a, SymRel b)
    {
        var r = new SymRel(a.Size);
        foreach (var (x, y, t) in a.Edges())
            if (b.Get(x, y) is { } u) r.Set(x, y, f.And(t, u));
        return r;
    }

    /// <summary>Every pair of an event of <paramref name="a"/> and an event of <paramref name="b"/>.</summary>
    public static SymRel Product(TermFactory f, SymSet a, SymSet b)
    {
        var r = new SymRel(a.Size);
        foreach (var (x, t) in a.Members())
            foreach (var (y, u) in b.Members())
                r.Set(x, y, f.And(t, u));
        return r;
    }

    public bool SameAs(SymRel other)
    {
        for (var a = 0; a < Rows.Length; a++)
        {
            if (Rows[a].Count != other.Rows[a].Count) return false;
            foreach (var (b, t) in Rows[a])
                if (!other.Rows[a].TryGetValue(b, out var u) || !ReferenceEquals(t, u)) return false;
        }
        return true;
    }
}

/// <summary>A set of events: event i is in it exactly when its term holds (null: never).</summary>
public sealed class SymSet
{
    internal readonly Term?[] Items;

    public SymSet(int n) => Items = new Term?[n];

    public int Size => Items.Length;

    public Term? Get(int a) => Items[a];

    public void Set(int a, Term t) => Items[a] = t.IsFalse ? null : t;

    public IEnumerable<(int Event, Term Condition)> Members()
    {
        for (var i = 0; i < Items.Length; i++)
            if (Items[i] is { } t) yield return (i, t);
    }

    public bool IsConstant => Items.All(t => t is null || t.IsTrue);

    public bool SameAs(SymSet other)
    {
        for (var i = 0; i < Items.Length; i++)
            if (!ReferenceEquals(Items[i], other.Items[i])) return false;
        return true;
    }
}

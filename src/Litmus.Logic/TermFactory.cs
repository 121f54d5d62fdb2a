namespace Litmus.Logic;

/// <summary>
/// Builds hash-consed terms and simplifies as it builds: constants fold, <c>and</c>/<c>or</c> flatten and absorb
/// their units. This folding is what makes the static may/must analysis of relations free: an edge whose
/// condition folds to <c>false</c> is absent and costs the solver nothing; one that folds to <c>true</c> is certain.
/// A factory is used by one test at a time (it is not thread-safe).
/// </summary>
public sealed partial class TermFactory
{
    private readonly Dictionary<TermKey, Term> _table = new();
    private int _next;

    public Term True { get; }
    public Term False { get; }

    public TermFactory()
    {
        True = Make(Op.True, Sort.Bool, Term.NoChildren);
        False = Make(Op.False, Sort.Bool, Term.NoChildren);
    }

    /// <summary>
    /// Stops the building of terms when cancelled (a test's time limit): every phase of an encoding builds terms,
    /// so this bounds the whole encoding, not only the solver's questions. Checked every 256 terms asked for.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
    private int _asked;

    private Term Make(Op op, Sort sort, Term[] children, long value = 0, string? name = null)
    {
        if ((++_asked & 0xFF) == 0) Cancellation.ThrowIfCancellationRequested();
        var key = new TermKey(op, children, value, name);
        if (_table.TryGetValue(key, out var t)) return t;
        t = new Term(op, sort, children, value, name, _next++);
        _table.Add(key, t);
        return t;
    }

    public Term Bool(bool b) => b ? True : False;
    public Term BoolVar(string name) => Make(Op.BoolVar, Sort.Bool, Term.NoChildren, 0, name);
    public Term WordConst(long v) => Make(Op.WordConst, Sort.Word, Term.NoChildren, v);
    public Term WordVar(string name) => Make(Op.WordVar, Sort.Word, Term.NoChildren, 0, name);
    public Term IntConst(long v) => Make(Op.IntConst, Sort.Int, Term.NoChildren, v);
    public Term IntVar(string name) => Make(Op.IntVar, Sort.Int, Term.NoChildren, 0, name);

    public Term Not(Term a)
    {
        Expect(a, Sort.Bool);
        return a.Op switch
        {
            Op.True => False,
            Op.False => True,
            Op.Not => a.ChildArray[0],
            _ => Make(Op.Not, Sort.Bool, [a]),
        };
    }

    public Term And(Term a, Term b) => Junction(Op.And, [a, b]);
    public Term And(params Term[] terms) => Junction(Op.And, terms);
    public Term And(IEnumerable<Term> terms) => Junction(Op.And, terms);
    public Term Or(Term a, Term b) => Junction(Op.Or, [a, b]);
    public Term Or(params Term[] terms) => Junction(Op.Or, terms);
    public Term Or(IEnumerable<Term> terms) => Junction(Op.Or, terms);
    public Term Implies(Term a, Term b) => Or(Not(a), b);

    /// <summary>n-ary and/or: flattens nested ones of the same kind, drops units, short-circuits on the zero, removes duplicates.</summary>
    private Term Junction(Op op, IEnumerable<Term> terms)
    {
        var unit = op == Op.And ? Op.True : Op.False;
        var zero = op == Op.And ? Op.False : Op.True;
        var items = new List<Term>();
        var seen = new HashSet<Term>();
        foreach (var t in terms)
        {
            Expect(t, Sort.Bool);
            if (t.Op == zero) return t;
            if (t.Op == unit) continue;
            if (t.Op == op)
            {
                foreach (var c in t.ChildArray)
                    if (seen.Add(c)) items.Add(c);
            }
            else if (seen.Add(t)) items.Add(t);
        }
        if (items.Count == 0) return op == Op.And ? True : False;
        if (items.Count == 1) return items[0];
        // x and not x
        foreach (var t in items)
            if (t.Op == Op.Not && seen.Contains(t.ChildArray[0]))
                return op == Op.And ? False : True;
        items.Sort((x, y) => x.Id.CompareTo(y.Id));
        return Make(op, Sort.Bool, items.ToArray());
    }

    public Term Iff(Term a, Term b)
    {
        Expect(a, Sort.Bool); Expect(b, Sort.Bool);
        if (a == b) return True;
        if (a.IsTrue) return b;
        if (b.IsTrue) return a;
        if (a.IsFalse) return Not(b);
        if (b.IsFalse) return Not(a);
        if (a.Id > b.Id) (a, b) = (b, a);
        return Make(Op.Iff, Sort.Bool, [a, b]);
    }

    public Term Ite(Term c, Term a, Term b)
    {
        Expect(c, Sort.Bool);
        if (a.Sort != b.Sort) throw new ArgumentException($"ite branches of different sorts: {a.Sort} and {b.Sort}");
        if (c.IsTrue || a == b) return a;
        if (c.IsFalse) return b;
        if (c.Op == Op.Not) return Ite(c.ChildArray[0], b, a);
        if (a.Sort == Sort.Bool)
        {
            if (a.IsTrue && b.IsFalse) return c;
            if (a.IsFalse && b.IsTrue) return Not(c);
            if (a.IsFalse) return And(Not(c), b);
            if (b.IsFalse) return And(c, a);
            if (a.IsTrue) return Or(c, b);
            if (b.IsTrue) return Or(Not(c), a);
        }
        return Make(Op.Ite, a.Sort, [c, a, b]);
    }

    /// <summary>Equality of two value terms or two int terms.</summary>
    public Term Eq(Term a, Term b)
    {
        if (a.Sort != b.Sort) throw new ArgumentException($"equality between {a.Sort} and {b.Sort}");
        if (a.Sort == Sort.Bool) return Iff(a, b);
        if (a == b) return True;
        if (a.IsConstant && b.IsConstant) return Bool(a.Number == b.Number);
        // ite(c, k1, k2) = k folds to c, not c or false when the constants decide it (values merged at if/else
        // joins). Only one level: pushing through nested ites could recurse deeply and duplicate terms.
        if (b.IsConstant && a.Op == Op.Ite && a.ChildArray[1].IsConstant && a.ChildArray[2].IsConstant)
            return Ite(a.ChildArray[0], Bool(a.ChildArray[1].Number == b.Number), Bool(a.ChildArray[2].Number == b.Number));
        if (a.IsConstant && b.Op == Op.Ite) return Eq(b, a);
        if (a.Id > b.Id) (a, b) = (b, a);
        return Make(Op.Eq, Sort.Bool, [a, b]);
    }

    public Term Ne(Term a, Term b) => Not(Eq(a, b));

    /// <summary>Signed less-than on values.</summary>
    public Term Slt(Term a, Term b) => Compare(Op.Slt, a, b, (x, y) => x < y);
    public Term Sle(Term a, Term b) => Compare(Op.Sle, a, b, (x, y) => x <= y);

    /// <summary>Less-than on int terms (clocks).</summary>
    public Term Lt(Term a, Term b) => Compare(Op.IntLt, a, b, (x, y) => x < y);
    public Term Le(Term a, Term b) => Compare(Op.IntLe, a, b, (x, y) => x <= y);

    private Term Compare(Op op, Term a, Term b, Func<long, long, bool> fold)
    {
        var sort = op is Op.IntLt or Op.IntLe ? Sort.Int : Sort.Word;
        Expect(a, sort); Expect(b, sort);
        if (a.IsConstant && b.IsConstant) return Bool(fold(a.Number, b.Number));
        if (a == b) return Bool(op is Op.Sle or Op.IntLe);
        return Make(op, Sort.Bool, [a, b]);
    }

    internal static void Expect(Term t, Sort s)
    {
        if (t.Sort != s) throw new ArgumentException($"expected a {s} term, got {t.Sort}: {t}");
    }
}

public sealed partial class TermFactory
{
    /// <summary>The same operator over new children, simplified again.</summary>
    public Term Rebuild(Term t, Term[] kids) => t.Op switch
    {
        Op.Not => Not(kids[0]),
        Op.And => And(kids),
        Op.Or => Or(kids),
        Op.Iff => Iff(kids[0], kids[1]),
        Op.Eq => Eq(kids[0], kids[1]),
        Op.Slt => Slt(kids[0], kids[1]),
        Op.Sle => Sle(kids[0], kids[1]),
        Op.IntLt => Lt(kids[0], kids[1]),
        Op.IntLe => Le(kids[0], kids[1]),
        Op.Ite => Ite(kids[0], kids[1], kids[2]),
        Op.Neg => Neg(kids[0]),
        Op.BitNot => BitNot(kids[0]),
        Op.Add or Op.Sub or Op.Mul or Op.Div or Op.Rem or Op.BitAnd or Op.BitOr or Op.BitXor or Op.Shl or Op.Shr =>
            Binary(t.Op, kids[0], kids[1]),
        _ => throw new ArgumentException($"cannot rebuild a leaf {t.Op}"),
    };
}

using CsCheck;

namespace Litmus.Logic.Tests;

/// <summary>
/// An expression over the operators of <see cref="TermFactory"/>, kept apart from the factory so the same
/// expression can be built twice: with its leaves as given (the factory folds what it can) and with every leaf
/// occurrence hidden behind a fresh variable (the factory can fold almost nothing).
/// </summary>
public abstract record Expr(Sort Sort);

/// <summary>A constant (<see cref="Var"/> null) or a variable.</summary>
public sealed record Leaf(Sort Sort, string? Var, long Value) : Expr(Sort)
{
    public override string ToString() => Var ?? (Sort == Sort.Bool ? (Value != 0 ? "true" : "false") : Value.ToString());
}

public sealed record Node(Sort Sort, string Op, Expr[] Kids) : Expr(Sort)
{
    public override string ToString() => $"({Op} {string.Join(' ', Kids.Select(k => k.ToString()))})";
}

public static class ExprGen
{
    private static readonly long[] Interesting = [0, 1, -1, 2, 3, 7, 63, 64, 65, long.MinValue, long.MaxValue, int.MinValue];

    private static readonly string[] ValueOps = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&~", "==", "!=", "<", "<=", ">", ">=", "&&", "||"];

    private static Gen<Expr> Leaf(Sort s) => s switch
    {
        Sort.Bool => Gen.OneOf(
            Gen.Bool.Select(b => (Expr)new Leaf(s, null, b ? 1 : 0)),
            Gen.Int[0, 2].Select(i => (Expr)new Leaf(s, "p" + i, 0))),
        Sort.Word => Gen.OneOf(
            Gen.Int[0, Interesting.Length - 1].Select(i => (Expr)new Leaf(s, null, Interesting[i])),
            Gen.Long.Select(v => (Expr)new Leaf(s, null, v)),
            Gen.Int[0, 2].Select(i => (Expr)new Leaf(s, "x" + i, 0))),
        _ => Gen.OneOf(
            Gen.Int[-2, 2].Select(v => (Expr)new Leaf(s, null, v)),
            Gen.Int[0, 1].Select(i => (Expr)new Leaf(s, "i" + i, 0))),
    };

    // Depth-bounded: 'depth' counts down, and each level may stop at a leaf.
    public static Gen<Expr> Of(Sort s, int depth) => depth <= 0 ? Leaf(s) : Gen.Frequency(
        (1, Leaf(s)),
        (4, s switch
        {
            Sort.Bool => Gen.OneOf(
                Node(s, "not", depth, Sort.Bool), Node(s, "and", depth, Sort.Bool, Sort.Bool, Sort.Bool),
                Node(s, "or", depth, Sort.Bool, Sort.Bool), Node(s, "implies", depth, Sort.Bool, Sort.Bool),
                Node(s, "iff", depth, Sort.Bool, Sort.Bool), Node(s, "ite", depth, Sort.Bool, Sort.Bool, Sort.Bool),
                Node(s, "eq", depth, Sort.Word, Sort.Word), Node(s, "ne", depth, Sort.Word, Sort.Word),
                Node(s, "slt", depth, Sort.Word, Sort.Word), Node(s, "sle", depth, Sort.Word, Sort.Word),
                Node(s, "lt", depth, Sort.Int, Sort.Int), Node(s, "le", depth, Sort.Int, Sort.Int),
                Node(s, "truth", depth, Sort.Word)),
            Sort.Word => Gen.OneOf(
                Gen.Int[0, ValueOps.Length - 1].SelectMany(i => Node(s, ValueOps[i], depth, Sort.Word, Sort.Word)),
                Node(s, "neg", depth, Sort.Word), Node(s, "~", depth, Sort.Word), Node(s, "!", depth, Sort.Word),
                Node(s, "ite", depth, Sort.Bool, Sort.Word, Sort.Word), Node(s, "frombool", depth, Sort.Bool)),
            _ => Node(s, "ite", depth, Sort.Bool, Sort.Int, Sort.Int),
        }));

    private static Gen<Expr> Node(Sort s, string op, int depth, params Sort[] kids) =>
        kids.Aggregate(Gen.Const(new List<Expr>()), (acc, k) =>
                acc.SelectMany(list => Of(k, depth - 1).Select(e => new List<Expr>(list) { e })))
            .Select(list => (Expr)new Node(s, op, [.. list]));

    /// <summary>Builds the expression with the factory; <paramref name="leaf"/> makes each leaf occurrence's term.</summary>
    public static Term Build(TermFactory f, Expr e, Func<Leaf, Term> leaf)
    {
        if (e is Leaf l) return leaf(l);
        var n = (Node)e;
        var k = n.Kids.Select(x => Build(f, x, leaf)).ToArray();
        return n.Op switch
        {
            "not" => f.Not(k[0]),
            "and" => f.And(k),
            "or" => f.Or(k),
            "implies" => f.Implies(k[0], k[1]),
            "iff" => f.Iff(k[0], k[1]),
            "ite" => f.Ite(k[0], k[1], k[2]),
            "eq" => f.Eq(k[0], k[1]),
            "ne" => f.Ne(k[0], k[1]),
            "slt" => f.Slt(k[0], k[1]),
            "sle" => f.Sle(k[0], k[1]),
            "lt" => f.Lt(k[0], k[1]),
            "le" => f.Le(k[0], k[1]),
            "truth" => f.Truth(k[0]),
            "neg" => f.Neg(k[0]),
            "~" => f.BitNot(k[0]),
            "!" => COperators.Unary(f, "!", k[0]),
            "frombool" => f.FromBool(k[0]),
            _ => COperators.Binary(f, n.Op, k[0], k[1]),
        };
    }

    /// <summary>The term of a leaf as written: a constant or a named variable.</summary>
    public static Term Plain(TermFactory f, Leaf l) => (l.Sort, l.Var) switch
    {
        (Sort.Bool, null) => f.Bool(l.Value != 0),
        (Sort.Bool, var v) => f.BoolVar(v),
        (Sort.Word, null) => f.WordConst(l.Value),
        (Sort.Word, var v) => f.WordVar(v),
        (_, null) => f.IntConst(l.Value),
        (_, var v) => f.IntVar(v),
    };

    /// <summary>A fresh variable of the leaf's sort.</summary>
    public static Term Fresh(TermFactory f, Sort s, string name) => s switch
    {
        Sort.Bool => f.BoolVar(name),
        Sort.Word => f.WordVar(name),
        _ => f.IntVar(name),
    };
}

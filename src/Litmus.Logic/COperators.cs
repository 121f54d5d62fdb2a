namespace Litmus.Logic;

/// <summary>
/// C's operators, by their spelling in the source, as terms on 64-bit words: arithmetic and bitwise ones are the
/// factory's <see cref="Op"/>s; comparisons and logical operators yield 0 or 1, as in C.
/// </summary>
public static class COperators
{
    public static Term Binary(TermFactory f, string op, Term a, Term b) => op switch
    {
        "+" => f.Binary(Op.Add, a, b),
        "-" => f.Binary(Op.Sub, a, b),
        "*" => f.Binary(Op.Mul, a, b),
        "/" => f.Binary(Op.Div, a, b),
        "%" => f.Binary(Op.Rem, a, b),
        "&" => f.Binary(Op.BitAnd, a, b),
        "|" => f.Binary(Op.BitOr, a, b),
        "^" => f.Binary(Op.BitXor, a, b),
        "<<" => f.Binary(Op.Shl, a, b),
        ">>" => f.Binary(Op.Shr, a, b),
        "&~" => f.Binary(Op.BitAnd, a, f.BitNot(b)),
        "==" => f.FromBool(f.Eq(a, b)),
        "!=" => f.FromBool(f.Ne(a, b)),
        "<" => f.FromBool(f.Slt(a, b)),
        "<=" => f.FromBool(f.Sle(a, b)),
        ">" => f.FromBool(f.Slt(b, a)),
        ">=" => f.FromBool(f.Sle(b, a)),
        "&&" => f.FromBool(f.And(f.Truth(a), f.Truth(b))),
        "||" => f.FromBool(f.Or(f.Truth(a), f.Truth(b))),
        _ => throw new ArgumentException($"unknown operator {op}"),
    };

    public static Term Unary(TermFactory f, string op, Term a) => op switch
    {
        "-" => f.Neg(a),
        "~" => f.BitNot(a),
        "!" => f.FromBool(f.Not(f.Truth(a))),
        "+" => a,
        _ => throw new ArgumentException($"unknown operator {op}"),
    };
}

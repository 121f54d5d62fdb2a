namespace Litmus.Logic;

public sealed partial class TermFactory
{
    /// <summary>
    /// An arithmetic or bitwise operator on 64-bit words (<see cref="Op.Add"/> to <see cref="Op.Shr"/>), folded
    /// as the solver computes it. C's spelling of operators, with its comparisons yielding 0 or 1, is
    /// <see cref="COperators"/>.
    /// </summary>
    public Term Binary(Op op, Term a, Term b) => op switch
    {
        Op.Add => Arith(op, a, b, (x, y) => x + y),
        Op.Sub => Arith(op, a, b, (x, y) => x - y),
        Op.Mul => Arith(op, a, b, (x, y) => x * y),
        // Division folds as the solver computes it: by zero gives 0 (quotient) and x (remainder); MinValue / -1
        // wraps (C# would throw).
        Op.Div => Arith(op, a, b, (x, y) => y == 0 ? 0 : y == -1 ? unchecked(-x) : x / y),
        Op.Rem => Arith(op, a, b, (x, y) => y == 0 ? x : y == -1 ? 0 : x % y),
        Op.BitAnd => Arith(op, a, b, (x, y) => x & y),
        Op.BitOr => Arith(op, a, b, (x, y) => x | y),
        Op.BitXor => Arith(op, a, b, (x, y) => x ^ y),
        Op.Shl => Arith(op, a, b, (x, y) => y is >= 0 and < 64 ? x << (int)y : 0),
        Op.Shr => Arith(op, a, b, (x, y) => y is >= 0 and < 64 ? x >> (int)y : (x < 0 ? -1 : 0)),
        _ => throw new ArgumentException($"{op} is not a binary operator on words"),
    };

    /// <summary>Two's-complement negation (wraps at <see cref="long.MinValue"/>).</summary>
    public Term Neg(Term a) => a.IsConstant ? WordConst(-a.Number) : Make(Op.Neg, Sort.Word, [a]);

    public Term BitNot(Term a) => a.IsConstant ? WordConst(~a.Number) : Make(Op.BitNot, Sort.Word, [a]);

    /// <summary>C truth: a value is true when it is not zero.</summary>
    public Term Truth(Term v) => v.Sort == Sort.Bool ? v : Not(Eq(v, WordConst(0)));

    /// <summary>A condition as a C value: 1 or 0.</summary>
    public Term FromBool(Term b) => Ite(b, WordConst(1), WordConst(0));

    private Term Arith(Op op, Term a, Term b, Func<long, long, long> fold)
    {
        Expect(a, Sort.Word); Expect(b, Sort.Word);
        if (a.IsConstant && b.IsConstant) return WordConst(fold(a.Number, b.Number));
        // Identities that keep dependency chains readable (r & 0, r + 0, r * 0 ...).
        if (b.IsConstant)
        {
            switch (op)
            {
                case Op.Add or Op.Sub or Op.BitOr or Op.BitXor or Op.Shl or Op.Shr when b.Number == 0: return a;
                case Op.Mul or Op.BitAnd when b.Number == 0: return b;
                case Op.Mul or Op.Div when b.Number == 1: return a;
            }
        }
        if (a.IsConstant)
        {
            switch (op)
            {
                case Op.Add or Op.BitOr or Op.BitXor when a.Number == 0: return b;
                case Op.Mul or Op.BitAnd when a.Number == 0: return a;
                case Op.Mul when a.Number == 1: return b;
            }
        }
        if (a == b)
        {
            switch (op)
            {
                case Op.Sub or Op.BitXor: return WordConst(0);
                case Op.BitAnd or Op.BitOr: return a;
            }
        }
        return Make(op, Sort.Word, [a, b]);
    }
}

using Litmus.Logic;
using static Litmus.Smt.Native.Z3Native;

namespace Litmus.Smt.Z3;

/// <summary>
/// Translates <see cref="Term"/>s to Z3 ASTs, once per term: terms are hash-consed DAGs, so the memo makes
/// translation linear in the number of distinct terms. The walk uses an explicit stack, so terms thousands of
/// levels deep cannot overflow the thread's stack. Every memoised AST holds one Z3 reference, given back by
/// <see cref="Clear"/>.
/// </summary>
internal sealed unsafe class Z3Translator(Z3Context z3)
{
    // Keyed by Term identity (Term.Equals is reference equality). Terms of different factories never collide,
    // they only share hash codes (ids), so the memo stays correct when a later test asserts terms of a new factory.
    private readonly Dictionary<Term, nint> _memo = new();
    private readonly Stack<(Term Term, bool ChildrenDone)> _work = new();
    private nint _valueZero;

    public int Count => _memo.Count;

    public nint Translate(Term root)
    {
        if (_memo.TryGetValue(root, out var done)) return done;
        _work.Push((root, false));
        while (_work.Count > 0)
        {
            var (term, childrenDone) = _work.Pop();
            if (_memo.ContainsKey(term)) continue; // shared subterm, reached twice before it was built
            if (childrenDone)
            {
                _memo.Add(term, Build(term));
                continue;
            }
            _work.Push((term, true));
            var children = term.Children;
            for (var i = 0; i < children.Count; i++)
                if (!_memo.ContainsKey(children[i])) _work.Push((children[i], false));
        }
        return _memo[root];
    }

    /// <summary>Releases every AST this translator made, so the context can free them.</summary>
    public void Clear()
    {
        foreach (var ast in _memo.Values) z3.Release(ast);
        _memo.Clear();
        if (_valueZero != 0) z3.Release(_valueZero);
        _valueZero = 0;
        _work.Clear();
    }

    /// <summary>The AST of one term whose children are already translated; returned with a reference taken.</summary>
    private nint Build(Term t)
    {
        var c = z3.Handle;
        return t.Op switch
        {
            Op.True => z3.Keep(Z3_mk_true(c)),
            Op.False => z3.Keep(Z3_mk_false(c)),
            Op.BoolVar => Variable(t, z3.BoolSort),
            Op.WordVar => Variable(t, z3.WordSort),
            Op.IntVar => Variable(t, z3.IntSort),
            // Two's complement: the word's bit pattern is the unsigned reading of the long.
            Op.WordConst => z3.Keep(Z3_mk_unsigned_int64(c, unchecked((ulong)t.Number), z3.WordSort)),
            Op.IntConst => z3.Keep(Z3_mk_int64(c, t.Number, z3.IntSort)),
            Op.Not => z3.Keep(Z3_mk_not(c, Child(t, 0))),
            Op.And => Junction(t, and: true),
            Op.Or => Junction(t, and: false),
            Op.Iff => z3.Keep(Z3_mk_iff(c, Child(t, 0), Child(t, 1))),
            Op.Eq => z3.Keep(Z3_mk_eq(c, Child(t, 0), Child(t, 1))),
            Op.Ite => z3.Keep(Z3_mk_ite(c, Child(t, 0), Child(t, 1), Child(t, 2))),
            Op.Slt => z3.Keep(Z3_mk_bvslt(c, Child(t, 0), Child(t, 1))),
            Op.Sle => z3.Keep(Z3_mk_bvsle(c, Child(t, 0), Child(t, 1))),
            Op.IntLt => z3.Keep(Z3_mk_lt(c, Child(t, 0), Child(t, 1))),
            Op.IntLe => z3.Keep(Z3_mk_le(c, Child(t, 0), Child(t, 1))),
            Op.Add => z3.Keep(Z3_mk_bvadd(c, Child(t, 0), Child(t, 1))),
            Op.Sub => z3.Keep(Z3_mk_bvsub(c, Child(t, 0), Child(t, 1))),
            Op.Mul => z3.Keep(Z3_mk_bvmul(c, Child(t, 0), Child(t, 1))),
            Op.Div => Division(Child(t, 0), Child(t, 1)),
            // bvsrem(x, 0) = x, as TermFactory folds x % 0; the sign follows the dividend, as in C.
            Op.Rem => z3.Keep(Z3_mk_bvsrem(c, Child(t, 0), Child(t, 1))),
            Op.BitAnd => z3.Keep(Z3_mk_bvand(c, Child(t, 0), Child(t, 1))),
            Op.BitOr => z3.Keep(Z3_mk_bvor(c, Child(t, 0), Child(t, 1))),
            Op.BitXor => z3.Keep(Z3_mk_bvxor(c, Child(t, 0), Child(t, 1))),
            // Shift amounts are read unsigned: negative or >= 64 shifts give 0 (shl) or the sign fill (ashr),
            // exactly what TermFactory folds constants to.
            Op.Shl => z3.Keep(Z3_mk_bvshl(c, Child(t, 0), Child(t, 1))),
            Op.Shr => z3.Keep(Z3_mk_bvashr(c, Child(t, 0), Child(t, 1))),
            Op.Neg => z3.Keep(Z3_mk_bvneg(c, Child(t, 0))),
            Op.BitNot => z3.Keep(Z3_mk_bvnot(c, Child(t, 0))),
            _ => throw new ArgumentOutOfRangeException(nameof(t), t.Op, "operator without a Z3 translation"),
        };
    }

    private nint Child(Term t, int i) => _memo[t.Children[i]];

    private nint Variable(Term t, nint sort)
    {
        var name = t.Name ?? throw new ArgumentException($"variable without a name: {t.Op}");
        return z3.Keep(Z3_mk_const(z3.Handle, z3.Symbol(name), sort));
    }

    private nint Junction(Term t, bool and)
    {
        var n = t.Children.Count;
        var args = n <= 128 ? stackalloc nint[n] : new nint[n];
        for (var i = 0; i < n; i++) args[i] = Child(t, i);
        fixed (nint* p = args)
            return z3.Keep(and ? Z3_mk_and(z3.Handle, (uint)n, p) : Z3_mk_or(z3.Handle, (uint)n, p));
    }

    /// <summary>
    /// Signed division that agrees with TermFactory's constant folding, x / 0 = 0 (C leaves it undefined;
    /// bvsdiv would give -1 or 1). Without the guard a division by a constant 0 and by a variable that is 0
    /// would disagree. Intermediate ASTs are kept until the result references them.
    /// </summary>
    private nint Division(nint dividend, nint divisor)
    {
        var c = z3.Handle;
        if (_valueZero == 0) _valueZero = z3.Keep(Z3_mk_unsigned_int64(c, 0, z3.WordSort));
        var byZero = z3.Keep(Z3_mk_eq(c, divisor, _valueZero));
        var quotient = z3.Keep(Z3_mk_bvsdiv(c, dividend, divisor));
        try { return z3.Keep(Z3_mk_ite(c, byZero, _valueZero, quotient)); }
        finally { z3.Release(byZero); z3.Release(quotient); }
    }
}

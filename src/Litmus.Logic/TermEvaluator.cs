namespace Litmus.Logic;

/// <summary>
/// Evaluates terms under a concrete assignment of their variables, with the solver's semantics (64-bit two's
/// complement words, division by zero as <see cref="TermFactory.Binary"/> folds it). Booleans are 0 and 1.
/// Shared subterms are evaluated once per evaluator: make a new one (or <see cref="Clear"/>) when the assignment
/// changes. Used to check one concrete execution explicitly, without the solver.
/// </summary>
public sealed class TermEvaluator(Func<Term, long?> variable, int capacity = 0)
{
    private readonly Dictionary<Term, long> _memo = new(capacity);

    /// <summary>How many terms it remembers (see <see cref="EvaluatorSizing"/>).</summary>
    public int Remembered => _memo.Count;

    /// <summary>Forgets the values computed so far (the assignment changed).</summary>
    public void Clear() => _memo.Clear();

    public bool Bool(Term t) => Eval(t) != 0;

    public long Value(Term t) => Eval(t);

    public long Eval(Term t)
    {
        if (t.ChildArray.Length == 0) return Leaf(t);
        // A term over leaves only is computed again: remembering it costs more.
        if (t.Shallow) return Compute(t);
        if (_memo.TryGetValue(t, out var known)) return known;
        var v = Compute(t);
        _memo[t] = v;
        return v;
    }

    private long Leaf(Term t) => t.Op switch
    {
        Op.True => 1,
        Op.False => 0,
        Op.WordConst or Op.IntConst => t.Number,
        _ => variable(t) ?? throw new UnassignedVariableException(t),
    };

    private long Compute(Term t)
    {
        var k = t.ChildArray;
        switch (t.Op)
        {
            case Op.Not: return Eval(k[0]) == 0 ? 1 : 0;
            case Op.And:
                foreach (var c in k) if (Eval(c) == 0) return 0;
                return 1;
            case Op.Or:
                foreach (var c in k) if (Eval(c) != 0) return 1;
                return 0;
            case Op.Ite: return Eval(k[0]) != 0 ? Eval(k[1]) : Eval(k[2]);
        }
        long a = Eval(k[0]), b = k.Length > 1 ? Eval(k[1]) : 0;
        return t.Op switch
        {
            Op.Iff or Op.Eq => a == b ? 1 : 0,
            Op.Slt or Op.IntLt => a < b ? 1 : 0,
            Op.Sle or Op.IntLe => a <= b ? 1 : 0,
            Op.Add => unchecked(a + b),
            Op.Sub => unchecked(a - b),
            Op.Mul => unchecked(a * b),
            Op.Div => b == 0 ? 0 : b == -1 ? unchecked(-a) : a / b,
            Op.Rem => b == 0 ? a : b == -1 ? 0 : a % b,
            Op.BitAnd => a & b,
            Op.BitOr => a | b,
            Op.BitXor => a ^ b,
            Op.Shl => b is >= 0 and < 64 ? a << (int)b : 0,
            Op.Shr => b is >= 0 and < 64 ? a >> (int)b : (a < 0 ? -1 : 0),
            Op.Neg => unchecked(-a),
            Op.BitNot => ~a,
            _ => throw new ArgumentException($"cannot evaluate {t.Op}"),
        };
    }
}

/// <summary>
/// Room for the next evaluator of one kind: as many terms as the largest one of that kind made before remembered.
/// A listing makes evaluators by the thousand, each remembering about as many terms as the last; grown from empty,
/// each allocated about twice its final size (a tenth of what listing the RCU rings allocated).
/// </summary>
public sealed class EvaluatorSizing
{
    private TermEvaluator? _last;
    private int _size;

    public TermEvaluator New(Func<Term, long?> variable)
    {
        if (_last is not null) _size = Math.Max(_size, _last.Remembered);
        return _last = new TermEvaluator(variable, _size);
    }
}

/// <summary>A term mentions a variable the assignment does not give.</summary>
public sealed class UnassignedVariableException(Term variable) : Exception($"no value for {variable.Name}")
{
    public Term Variable { get; } = variable;
}

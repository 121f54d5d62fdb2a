using Litmus.Logic;
using static Litmus.Smt.Native.Z3Native;

namespace Litmus.Smt.Z3;

/// <summary>
/// A Z3 model, holding one reference until the solver invalidates it (next Assert/Check/Push/Pop/Reset).
/// Terms evaluated here are translated through the solver's memo, so evaluating assertion subterms is free.
/// </summary>
internal sealed class Z3Model(Z3Context z3, Z3Translator terms, nint handle) : IModel
{
    private nint _handle = handle;

    public bool EvalBool(Term t) => Eval(t, Sort.Bool, result => Z3_get_bool_value(z3.Handle, result) switch
    {
        LTrue => true,
        LFalse => false,
        _ => throw new SolverException($"the model does not decide {t}"),
    });

    public long EvalWord(Term t) => Eval(t, Sort.Word, result =>
        // 64-bit words come back unsigned: reinterpret the bits as two's complement.
        Z3_get_numeral_uint64(z3.Handle, result, out var bits) ? unchecked((long)bits) : throw NotANumeral(t, result));

    public long EvalInt(Term t) => Eval(t, Sort.Int, result =>
    {
        if (Z3_get_numeral_int64(z3.Handle, result, out var value)) return value;
        var text = ReadString(Z3_get_numeral_string(z3.Handle, result));
        throw new OverflowException($"the model gives {t} the integer {text}, which does not fit in 64 bits");
    });

    /// <summary>Gives the model's reference back; later evaluations fail instead of reading freed memory.</summary>
    public void Invalidate()
    {
        if (_handle == 0) return;
        Z3_model_dec_ref(z3.Handle, _handle);
        _handle = 0;
    }

    private T Eval<T>(Term t, Sort sort, Func<nint, T> read)
    {
        if (t.Sort != sort) throw new ArgumentException($"expected a {sort} term, got {t.Sort}: {t}");
        if (_handle == 0)
            throw new InvalidOperationException("the model is no longer valid: the solver changed after the check that produced it");
        var ast = terms.Translate(t);
        var ok = Z3_model_eval(z3.Handle, _handle, ast, completion: true, out var result);
        z3.ThrowIfFailed();
        if (!ok) throw new SolverException($"Z3 could not evaluate {t} in the model");
        z3.Keep(result);
        try
        {
            var value = read(result);
            z3.ThrowIfFailed();
            return value;
        }
        finally { z3.Release(result); }
    }

    private SolverException NotANumeral(Term t, nint result) =>
        new($"the model value of {t} is not a numeral: {ReadString(Z3_get_numeral_string(z3.Handle, result))}");
}

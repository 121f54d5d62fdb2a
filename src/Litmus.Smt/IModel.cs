using Litmus.Logic;

namespace Litmus.Smt;

/// <summary>
/// A satisfying assignment. Evaluation uses model completion: a variable the solver never constrained
/// gets a default value rather than failing.
/// </summary>
public interface IModel
{
    bool EvalBool(Term t);

    /// <summary>A Value term as a signed 64-bit word.</summary>
    long EvalWord(Term t);

    /// <summary>An Int term; throws <see cref="OverflowException"/> if the model's integer does not fit in a long.</summary>
    long EvalInt(Term t);
}

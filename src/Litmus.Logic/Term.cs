namespace Litmus.Logic;

public enum Sort { Bool, Value, Int }

/// <summary>Operators of <see cref="Term"/>. Value terms are 64-bit two's-complement machine words.</summary>
public enum Op
{
    // Bool
    True, False, BoolVar, Not, And, Or, Iff, Eq, Slt, Sle, IntLt, IntLe,
    // Any sort
    Ite,
    // Value (64-bit words)
    ValueConst, ValueVar, Add, Sub, Mul, Div, Rem, BitAnd, BitOr, BitXor, Shl, Shr, Neg, BitNot,
    // Int (clocks and ranks)
    IntConst, IntVar,
}

/// <summary>
/// A solver-neutral term. Terms are hash-consed by their <see cref="TermFactory"/>: two structurally equal terms
/// of one factory are the same object, so reference equality is structural equality and sharing is free.
/// </summary>
public sealed class Term
{
    internal static readonly Term[] NoChildren = [];

    public Op Op { get; }
    public Sort Sort { get; }
    public IReadOnlyList<Term> Children => ChildArray;
    internal Term[] ChildArray { get; }
    /// <summary>The constant of <see cref="Op.ValueConst"/> / <see cref="Op.IntConst"/>.</summary>
    public long Value { get; }
    /// <summary>The name of a variable.</summary>
    public string? Name { get; }
    /// <summary>Creation order within the factory; unique, used for hashing and deterministic ordering.</summary>
    public int Id { get; }

    internal Term(Op op, Sort sort, Term[] children, long value, string? name, int id)
    {
        Op = op; Sort = sort; ChildArray = children; Value = value; Name = name; Id = id;
    }

    public bool IsTrue => Op == Op.True;
    public bool IsFalse => Op == Op.False;
    public bool IsConstant => Op is Op.True or Op.False or Op.ValueConst or Op.IntConst;

    public override int GetHashCode() => Id;
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override string ToString() => TermPrinter.Print(this);
}

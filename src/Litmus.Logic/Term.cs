namespace Litmus.Logic;

/// <summary>The sorts of terms: Booleans, 64-bit two's-complement machine words (C values and addresses; <see cref="Op.WordConst"/>, <see cref="Op.WordVar"/>), and mathematical integers (clocks and ranks).</summary>
public enum Sort { Bool, Word, Int }

/// <summary>Operators of <see cref="Term"/>. Word terms (<see cref="Sort.Word"/>) are 64-bit two's-complement machine words.</summary>
public enum Op
{
    // Bool
    True, False, BoolVar, Not, And, Or, Iff, Eq, Slt, Sle, IntLt, IntLe,
    // Any sort
    Ite,
    // Word (64-bit words)
    WordConst, WordVar, Add, Sub, Mul, Div, Rem, BitAnd, BitOr, BitXor, Shl, Shr, Neg, BitNot,
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
    /// <summary>The number a constant (<see cref="Op.WordConst"/> or <see cref="Op.IntConst"/>) stands for; 0 for other terms.</summary>
    public long Number { get; }
    /// <summary>The name of a variable.</summary>
    public string? Name { get; }
    /// <summary>Creation order within the factory; unique, used for hashing and deterministic ordering.</summary>
    public int Id { get; }

    /// <summary>Whether every child is a leaf (a constant or a variable): cheaper to evaluate again than to look up.</summary>
    internal bool Shallow { get; }

    internal Term(Op op, Sort sort, Term[] children, long value, string? name, int id)
    {
        Op = op; Sort = sort; ChildArray = children; Number = value; Name = name; Id = id;
        Shallow = Array.TrueForAll(children, c => c.ChildArray.Length == 0);
    }

    public bool IsTrue => Op == Op.True;
    public bool IsFalse => Op == Op.False;
    public bool IsConstant => Op is Op.True or Op.False or Op.WordConst or Op.IntConst;

    public override int GetHashCode() => Id;
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override string ToString() => TermPrinter.Print(this);
}

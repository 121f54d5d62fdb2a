namespace Litmus.Logic;

/// <summary>The structural identity of a term, for hash-consing.</summary>
internal readonly struct TermKey(Op op, Term[] children, long value, string? name) : IEquatable<TermKey>
{
    public readonly Op Op = op;
    public readonly Term[] Children = children;
    public readonly long Value = value;
    public readonly string? Name = name;

    public bool Equals(TermKey other)
    {
        if (Op != other.Op || Value != other.Value || Children.Length != other.Children.Length || Name != other.Name)
            return false;
        for (var i = 0; i < Children.Length; i++)
            if (!ReferenceEquals(Children[i], other.Children[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is TermKey k && Equals(k);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Op); h.Add(Value); h.Add(Name);
        foreach (var c in Children) h.Add(c.Id);
        return h.ToHashCode();
    }
}

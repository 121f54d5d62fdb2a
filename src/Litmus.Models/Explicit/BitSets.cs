using System.Numerics;

namespace Litmus.Models.Explicit;

/// <summary>A concrete set of events 0..n-1, as bits (one ulong per 64 events). Treated as immutable once built.</summary>
public sealed class EventSet
{
    internal readonly ulong[] Bits;

    /// <summary>The <see cref="StaticValues"/> this set is shared by (the same in every execution), or null.</summary>
    internal StaticValues? Owner;

    public EventSet(int n) => Bits = new ulong[Words(n)];
    internal EventSet(ulong[] bits) => Bits = bits;

    internal static int Words(int n) => Math.Max(1, (n + 63) >> 6);

    public bool Contains(int e) => (Bits[e >> 6] & (1UL << (e & 63))) != 0;
    public void Add(int e) => Bits[e >> 6] |= 1UL << (e & 63);
    public bool IsEmpty
    {
        get
        {
            foreach (var w in Bits)
                if (w != 0) return false;
            return true;
        }
    }

    public IEnumerable<int> Members()
    {
        for (var w = 0; w < Bits.Length; w++)
            for (var bits = Bits[w]; bits != 0; bits &= bits - 1)
                yield return (w << 6) + BitOperations.TrailingZeroCount(bits);
    }

    public bool SubsetOf(EventSet other)
    {
        for (var w = 0; w < Bits.Length; w++)
            if ((Bits[w] & ~other.Bits[w]) != 0) return false;
        return true;
    }

    public override string ToString() => "{" + string.Join(",", Members()) + "}";
}

/// <summary>A concrete relation over events 0..n-1: one bit row per event. Treated as immutable once built.</summary>
public sealed class EventRelation
{
    internal readonly int N, W;
    /// <summary>Row a holds the successors of a: words [a*W, (a+1)*W).</summary>
    internal readonly ulong[] Bits;

    /// <summary>The <see cref="StaticValues"/> this relation is shared by (the same in every execution), or null.</summary>
    internal StaticValues? Owner;

    public EventRelation(int n)
    {
        N = n;
        W = EventSet.Words(n);
        Bits = new ulong[n * W];
    }

    public bool Contains(int a, int b) => (Bits[a * W + (b >> 6)] & (1UL << (b & 63))) != 0;
    public void Add(int a, int b) => Bits[a * W + (b >> 6)] |= 1UL << (b & 63);
    public bool IsEmpty
    {
        get
        {
            foreach (var w in Bits)
                if (w != 0) return false;
            return true;
        }
    }

    public IEnumerable<(int From, int To)> Pairs()
    {
        for (var a = 0; a < N; a++)
            for (var w = 0; w < W; w++)
                for (var bits = Bits[a * W + w]; bits != 0; bits &= bits - 1)
                    yield return (a, (w << 6) + BitOperations.TrailingZeroCount(bits));
    }

    public bool HasLoop()
    {
        for (var a = 0; a < N; a++)
            if (Contains(a, a)) return true;
        return false;
    }

    public bool SubsetOf(EventRelation other)
    {
        for (var i = 0; i < Bits.Length; i++)
            if ((Bits[i] & ~other.Bits[i]) != 0) return false;
        return true;
    }

    /// <summary>Row a ORed into row target of <paramref name="into"/>.</summary>
    internal void OrRowInto(int a, ulong[] into, int target)
    {
        for (var w = 0; w < W; w++) into[target * W + w] |= Bits[a * W + w];
    }

    public override string ToString() => "{" + string.Join(",", Pairs().Select(p => $"{p.From}->{p.To}")) + "}";
}

using System.Numerics;

namespace Litmus.Models.Explicit;

/// <summary>A concrete set of events 0..n-1, as bits (one ulong per 64 events). Treated as immutable once built.</summary>
public sealed class EventSet : IKeepsWrapper
{
    CatRuntimeValue? IKeepsWrapper.Wrapper { get; set; }

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
public sealed class EventRelation : IKeepsWrapper
{
    CatRuntimeValue? IKeepsWrapper.Wrapper { get; set; }

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

    /// <summary>Whether the relation has a cycle: a depth-first search over the rows, with no closure built.</summary>
    public bool HasCycle()
    {
        var state = new byte[N]; // 0 unseen, 1 on the path, 2 done
        var stack = new Stack<(int Node, int Next)>();
        for (var root = 0; root < N; root++)
        {
            if (state[root] != 0) continue;
            state[root] = 1;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (a, from) = stack.Pop();
                var next = NextSuccessor(a, from);
                if (next < 0) { state[a] = 2; continue; }
                stack.Push((a, next + 1));
                if (state[next] == 1) return true;
                if (state[next] == 0) { state[next] = 1; stack.Push((next, 0)); }
            }
        }
        return false;
    }

    /// <summary>The first successor of <paramref name="a"/> at or after <paramref name="from"/>, or -1.</summary>
    private int NextSuccessor(int a, int from)
    {
        for (var w = from >> 6; w < W; w++)
        {
            var bits = Bits[a * W + w];
            if (w == from >> 6) bits &= ~0UL << (from & 63);
            if (bits != 0) return (w << 6) + BitOperations.TrailingZeroCount(bits);
        }
        return -1;
    }

    /// <summary>Whether row <paramref name="a"/> is empty.</summary>
    internal bool RowIsEmpty(int a)
    {
        for (var w = 0; w < W; w++)
            if (Bits[a * W + w] != 0) return false;
        return true;
    }

    public bool HasLoop()
    {
        for (var a = 0; a < N; a++)
            if (Contains(a, a)) return true;
        return false;
    }

    /// <summary>Whether both relations hold the same pairs.</summary>
    public bool SameAs(EventRelation other) => N == other.N && Bits.AsSpan().SequenceEqual(other.Bits);

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

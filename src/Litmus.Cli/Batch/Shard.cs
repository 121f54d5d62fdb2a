using Litmus.Syntax;

namespace Litmus.Cli.Batch;

/// <summary>
/// <c>--shard K/N</c>: the K-th of N disjoint parts of a suite, so CI runners can split it. A test belongs to the
/// part given by a hash of its display path (FNV-1a, 32 bits, of the UTF-8 bytes, modulo N). The choice depends on
/// the path alone: adding or removing tests never moves another test to a different shard, and a baseline's rows
/// can be assigned to shards the same way.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(1, 1);

    public bool Contains(string displayPath) => Count == 1 || Bucket(displayPath) == Index - 1;

    /// <summary>Reads <c>K/N</c> with 1 ≤ K ≤ N.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n >= 1 && k >= 1 && k <= n)
            return new Shard(k, n);
        throw new LitmusInputException(SourceSpan.At("<command line>", 1, 1),
            $"--shard expects K/N with 1 <= K <= N (for example 2/4), not '{text}'");
    }

    private int Bucket(string displayPath)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(displayPath))
            hash = (hash ^ b) * 16777619u;
        return (int)(hash % (uint)Count);
    }

    public override string ToString() => $"{Index}/{Count}";
}

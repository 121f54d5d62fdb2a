using System.Collections.Immutable;
using Litmus.Logic;

namespace Litmus.Events;

/// <summary>
/// Which reads a value was computed from, each with the condition under which it was: after
/// <c>if (c) r = a; else r = b;</c> the value of r depends on a's read only when c holds.
/// </summary>
public sealed class DepSet
{
    public static readonly DepSet None = new(ImmutableDictionary<int, Term>.Empty);

    public ImmutableDictionary<int, Term> Reads { get; }

    private DepSet(ImmutableDictionary<int, Term> reads) => Reads = reads;

    public static DepSet Of(int readEvent, Term always) => new(ImmutableDictionary<int, Term>.Empty.Add(readEvent, always));

    public DepSet Union(DepSet other, TermFactory f)
    {
        if (other.Reads.Count == 0) return this;
        if (Reads.Count == 0) return other;
        var b = Reads.ToBuilder();
        foreach (var (id, c) in other.Reads)
            b[id] = b.TryGetValue(id, out var mine) ? f.Or(mine, c) : c;
        return new DepSet(b.ToImmutable());
    }

    /// <summary>The dependencies of <c>cond ? this : other</c>.</summary>
    public DepSet Select(Term cond, DepSet other, TermFactory f)
    {
        if (ReferenceEquals(this, other)) return this;
        var b = ImmutableDictionary.CreateBuilder<int, Term>();
        foreach (var id in Reads.Keys.Union(other.Reads.Keys))
        {
            var whenThen = Reads.TryGetValue(id, out var t) ? f.And(cond, t) : f.False;
            var whenElse = other.Reads.TryGetValue(id, out var e) ? f.And(f.Not(cond), e) : f.False;
            var c = f.Or(whenThen, whenElse);
            if (!c.IsFalse) b[id] = c;
        }
        return new DepSet(b.ToImmutable());
    }
}

/// <summary>A symbolic C value together with the reads it depends on.</summary>
public readonly record struct SymValue(Term Term, DepSet Deps);

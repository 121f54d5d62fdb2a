using Litmus.Checking;

namespace Litmus.Cli.Output;

/// <summary>
/// The order of herd's state lines: value by value, integers numerically and before symbolic values (addresses),
/// which compare by name. The checker's own order is textual, which puts <c>r0=10</c> before <c>r0=2</c>.
/// </summary>
public sealed class HerdStateOrder : IComparer<FinalState>
{
    public static readonly HerdStateOrder Instance = new();

    public int Compare(FinalState? a, FinalState? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        for (var i = 0; i < Math.Min(a.Values.Count, b.Values.Count); i++)
        {
            var c = CompareValues(a.Values[i].Value, b.Values[i].Value);
            if (c != 0) return c;
        }
        return a.Values.Count.CompareTo(b.Values.Count);
    }

    private static int CompareValues(string x, string y) =>
        (long.TryParse(x, out var i), long.TryParse(y, out var j)) switch
        {
            (true, true) => i.CompareTo(j),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(x, y),
        };
}

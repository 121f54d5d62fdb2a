using Litmus.Checking;

namespace Litmus.Cli.Output;

/// <summary>
/// The order of herd's state lines: value by value, integers numerically and before symbolic values (addresses),
/// which compare by name. The checker's own order is textual, which puts <c>r0=10</c> before <c>r0=2</c>.
/// </summary>
public static class HerdStateOrder
{
    /// <summary>
    /// The states in herd's order. Each state's values are parsed once, not once per comparison: the RCU rings list
    /// 16,383 states of 14 values, and parsing in the comparer was a tenth of their time in herd format.
    /// </summary>
    public static List<FinalState> Sort(IEnumerable<FinalState> states)
    {
        var keyed = states.Select(s => (State: s, Key: Key(s))).ToList();
        keyed.Sort((x, y) => CompareKeys(x.Key, y.Key));
        return keyed.ConvertAll(k => k.State);
    }

    /// <summary>Per value: the integer it reads as (and true), or the text it compares by (and false).</summary>
    private static (long Number, bool IsNumber, string Text)[] Key(FinalState s)
    {
        var key = new (long, bool, string)[s.Values.Count];
        for (var i = 0; i < key.Length; i++)
        {
            var text = s.Values[i].Value;
            key[i] = long.TryParse(text, out var n) ? (n, true, text) : (0, false, text);
        }
        return key;
    }

    private static int CompareKeys((long Number, bool IsNumber, string Text)[] a, (long Number, bool IsNumber, string Text)[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = (a[i].IsNumber, b[i].IsNumber) switch
            {
                (true, true) => a[i].Number.CompareTo(b[i].Number),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i].Text, b[i].Text),
            };
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}

using System.Text.RegularExpressions;

namespace Litmus.Fuzz;

/// <summary>
/// Text mutations that know nothing of the formats' grammars (so they do not share the parser's blind spots):
/// lines deleted, duplicated and swapped; tokens, numbers and primitives replaced; text cut, spliced from
/// another seed, or broken by a stray character. A mutant gets one to three of them (mostly one).
/// </summary>
public sealed partial class Mutator(Random random)
{
    /// <summary>Words that mean something to one of the formats: primitives, fences, cat operators and keywords, herd options.</summary>
    private static readonly string[] Vocabulary =
    [
        "READ_ONCE", "WRITE_ONCE", "smp_load_acquire", "smp_store_release", "smp_mb", "smp_rmb", "smp_wmb",
        "smp_mb__before_atomic", "smp_mb__after_atomic", "barrier", "rcu_read_lock", "rcu_read_unlock",
        "synchronize_rcu", "rcu_dereference", "rcu_assign_pointer", "spin_lock", "spin_unlock", "spin_trylock",
        "xchg", "xchg_relaxed", "cmpxchg", "atomic_inc", "atomic_add_return", "srcu_read_lock", "srcu_read_unlock",
        "synchronize_srcu", "sys_membarrier", "membarrier", "MEMBARRIER_CMD_PRIVATE_EXPEDITED",
        "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED", "MEMBARRIER_CMD_GLOBAL", "rseq_begin", "rseq_end",
        "if", "else", "while", "int", "int*", "spinlock_t", "exists", "forall", "~exists", "filter", "locations",
        "/\\", "\\/", "~", "=", "==", "!=", "->", "*", "&", "(", ")", "{", "}", ";", ",", ":",
        "let", "rec", "and", "in", "acyclic", "irreflexive", "empty", "flag", "include", "as", "show", "unshow",
        "with", "from", "try", "fun", "match", "enum", "instructions", "procedure", "call", "undefined_unless",
        "|", ";", "\\", "++", "+", "?", "^-1", "[", "]", "0", "_", "po", "rf", "co", "fr", "rmw", "addr", "data",
        "ctrl", "id", "loc", "int", "ext", "M", "R", "W", "F", "IW", "FW", "domain", "range", "fencerel",
        "model", "bell", "macros", "variant", "graph", "cat", "lkmm.cat", "lkmm.bell", "lkmm.def", "nonexistent.cat",
        "{ __load{once}(*x) }", "__store{release}(*x, v)", "__fence{mb}", "__xchg{mb}(X,V)", "__cmpxchg{once}(X,V,W)",
    ];

    private static readonly string[] Numbers =
        ["0", "1", "-1", "2", "3", "255", "65536", "2147483647", "-2147483648", "4294967296", "9223372036854775807",
         "-9223372036854775808", "99999999999999999999999", "0x10", "00", "1e9"];

    public string Mutate(string text, IReadOnlyList<string> donors)
    {
        // Mostly one mutation, so that many mutants still parse and reach the checker; sometimes two or three.
        var count = random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        for (var i = 0; i < count; i++) text = MutateOnce(text, donors);
        return text;
    }

    private string MutateOnce(string text, IReadOnlyList<string> donors)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(11))
        {
            case 0 when lines.Count > 1: lines.RemoveAt(random.Next(lines.Count)); break;
            case 1: { var i = random.Next(lines.Count); lines.Insert(i, lines[i]); break; }
            case 2 when lines.Count > 1:
            {
                int a = random.Next(lines.Count), b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            }
            case 3: return ReplaceMatch(text, Token(), _ => Pick(Vocabulary));
            case 4: return ReplaceMatch(text, Token(), _ => PickToken(text));
            case 5: return ReplaceMatch(text, Number(), _ => Pick(Numbers));
            case 6: return text[..random.Next(text.Length + 1)];
            case 7:
            {
                var donor = Pick(donors).Split('\n');
                var start = random.Next(donor.Length);
                var taken = donor.Skip(start).Take(1 + random.Next(4));
                lines.InsertRange(random.Next(lines.Count + 1), taken);
                break;
            }
            case 8:
            {
                var at = random.Next(text.Length + 1);
                return text[..at] + Pick(["(", ")", "{", "}", "[", "]", "\"", "(*", "*)", "/*", "*/", "'", "\0", "é", "\t", ";", "\\"]) + text[at..];
            }
            case 9 when lines.Count > 2:
            {
                // Delete a block of lines (a whole thread, a let, the condition).
                var start = random.Next(lines.Count);
                lines.RemoveRange(start, Math.Min(lines.Count - start, 1 + random.Next(6)));
                break;
            }
            default: return ReplaceMatch(text, Token(), _ => "");
        }
        return string.Join('\n', lines);
    }

    private string ReplaceMatch(string text, Regex pattern, Func<Match, string> replacement)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return text;
        var m = matches[random.Next(matches.Count)];
        return text[..m.Index] + replacement(m) + text[(m.Index + m.Length)..];
    }

    private string PickToken(string text)
    {
        var matches = Token().Matches(text);
        return matches.Count == 0 ? "x" : matches[random.Next(matches.Count)].Value;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.+-]*|[-+]?\d+|\S")]
    private static partial Regex Token();

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex Number();
}

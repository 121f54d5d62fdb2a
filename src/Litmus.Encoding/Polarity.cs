using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>Whether given atoms occur under a negation in a formula (then the formula is not monotone in them).</summary>
public static class Polarity
{
    public static bool OccursNegatively(Term root, IEnumerable<Term> atoms)
    {
        var set = atoms as ISet<Term> ?? atoms.ToHashSet();
        var seen = new HashSet<(Term, bool)>();
        var work = new Stack<(Term T, bool Positive)>();
        work.Push((root, true));
        while (work.Count > 0)
        {
            var (t, positive) = work.Pop();
            if (!seen.Add((t, positive))) continue;
            if (set.Contains(t))
            {
                if (!positive) return true;
                continue;
            }
            switch (t.Op)
            {
                case Op.And or Op.Or:
                    foreach (var c in t.Children) work.Push((c, positive));
                    break;
                case Op.Not:
                    work.Push((t.Children[0], !positive));
                    break;
                case Op.Ite when t.Sort == Sort.Bool:
                    work.Push((t.Children[0], true));
                    work.Push((t.Children[0], false));
                    work.Push((t.Children[1], positive));
                    work.Push((t.Children[2], positive));
                    break;
                default:
                    // Iff, comparisons, values: an atom inside counts both ways.
                    foreach (var c in t.Children) { work.Push((c, true)); work.Push((c, false)); }
                    break;
            }
        }
        return false;
    }
}

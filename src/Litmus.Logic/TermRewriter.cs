namespace Litmus.Logic;

/// <summary>Rebuilds terms bottom-up through a factory, replacing the leaves a mapping chooses.</summary>
public static class TermRewriter
{
    /// <summary>
    /// Replaces every subterm for which <paramref name="replace"/> returns a term, rebuilding the rest
    /// (so constants fold again). Shared subterms are rewritten once.
    /// </summary>
    public static Term Substitute(TermFactory f, Term root, Func<Term, Term?> replace, Dictionary<Term, Term>? memo = null)
    {
        memo ??= new Dictionary<Term, Term>();
        return Visit(root);

        Term Visit(Term t)
        {
            if (memo.TryGetValue(t, out var done)) return done;
            var r = replace(t);
            if (r is null)
            {
                if (t.ChildArray.Length == 0) r = t;
                else
                {
                    var kids = new Term[t.ChildArray.Length];
                    var changed = false;
                    for (var i = 0; i < kids.Length; i++)
                    {
                        kids[i] = Visit(t.ChildArray[i]);
                        changed |= !ReferenceEquals(kids[i], t.ChildArray[i]);
                    }
                    r = changed ? f.Rebuild(t, kids) : t;
                }
            }
            memo[t] = r;
            return r;
        }
    }
}

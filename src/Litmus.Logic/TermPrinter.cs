using System.Text;

namespace Litmus.Logic;

/// <summary>An S-expression rendering of a term, for diagnostics and tests (shared subterms are printed again).</summary>
public static class TermPrinter
{
    public static string Print(Term t, int maxLength = 2000)
    {
        var sb = new StringBuilder();
        Write(t, sb, maxLength);
        return sb.Length > maxLength ? sb.ToString(0, maxLength) + "..." : sb.ToString();
    }

    private static void Write(Term t, StringBuilder sb, int max)
    {
        if (sb.Length > max) return;
        switch (t.Op)
        {
            case Op.True: sb.Append("true"); return;
            case Op.False: sb.Append("false"); return;
            case Op.WordConst or Op.IntConst: sb.Append(t.Number); return;
            case Op.BoolVar or Op.WordVar or Op.IntVar: sb.Append(t.Name); return;
        }
        sb.Append('(').Append(t.Op.ToString().ToLowerInvariant());
        foreach (var c in t.ChildArray)
        {
            sb.Append(' ');
            Write(c, sb, max);
        }
        sb.Append(')');
    }
}

using Litmus.Syntax;

namespace Litmus.Checking;

/// <summary>One row of a verdict table such as the corpus's verdicts.tsv (herd7's verdicts under LKMM).</summary>
public sealed record ReferenceVerdict(string Path, string Arch, string? Verdict, IReadOnlyList<string> Flags, string Status, double? HerdMilliseconds, string? HerdError)
{
    /// <summary>herd's States count and its Positive/Negative execution counts, where the table has them.</summary>
    public (long States, long Positive, long Negative)? Counts { get; init; }

    public bool HasVerdict => Status == "ok" && Verdict is not null;
}

/// <summary>Reads tab-separated verdict tables with a header row naming the columns (path, herd_verdict, flags, status, ...).</summary>
public static class VerdictTable
{
    /// <exception cref="LitmusInputException">The file cannot be read, or its header names no <c>path</c> column.</exception>
    public static IReadOnlyList<ReferenceVerdict> Read(string file)
    {
        var rows = TsvRow.Read(file).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        var (path, arch, verdict, flags, status, ms, error) = (header.IndexOf("path"), header.IndexOf("arch"), header.IndexOf("herd_verdict"),
            header.IndexOf("flags"), header.IndexOf("status"), header.IndexOf("herd_ms"), header.IndexOf("herd_error"));
        var (states, positive, negative) = (header.IndexOf("states"), header.IndexOf("positive"), header.IndexOf("negative"));
        if (path < 0) throw new LitmusInputException(header.SpanOf(0), "no 'path' column in the header");
        return rows.Skip(1).Select(row => new ReferenceVerdict(
                row.Field(path)!, row.Field(arch) ?? "C", row.Field(verdict),
                (row.Field(flags) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                row.Field(status) ?? (row.Field(verdict) is null ? "not-run" : "ok"),
                double.TryParse(row.Field(ms), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null,
                row.Field(error))
        {
            Counts = long.TryParse(row.Field(states), out var n) && long.TryParse(row.Field(positive), out var p) && long.TryParse(row.Field(negative), out var q)
                    ? (n, p, q) : null,
        }).ToList();
    }
}

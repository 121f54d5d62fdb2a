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
    public static IReadOnlyList<ReferenceVerdict> Read(string file)
    {
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0) return [];
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        var (path, arch, verdict, flags, status, ms, error) =
            (Col("path"), Col("arch"), Col("herd_verdict"), Col("flags"), Col("status"), Col("herd_ms"), Col("herd_error"));
        var (states, positive, negative) = (Col("states"), Col("positive"), Col("negative"));
        if (path < 0) throw new FormatException($"{file}: no 'path' column in the header");
        var rows = new List<ReferenceVerdict>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            string? Get(int i) => i >= 0 && i < f.Length && f[i].Length > 0 ? f[i] : null;
            rows.Add(new ReferenceVerdict(
                Get(path)!, Get(arch) ?? "C", Get(verdict),
                (Get(flags) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Get(status) ?? (Get(verdict) is null ? "not-run" : "ok"),
                double.TryParse(Get(ms), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null,
                Get(error))
            {
                Counts = long.TryParse(Get(states), out var n) && long.TryParse(Get(positive), out var p) && long.TryParse(Get(negative), out var q)
                    ? (n, p, q) : null,
            });
        }
        return rows;
    }
}

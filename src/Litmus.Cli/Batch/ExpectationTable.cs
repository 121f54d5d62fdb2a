using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Cli.Batch;

/// <summary>
/// <c>--expect-file TABLE</c>: expected verdicts from a tab-separated table instead of the tests' Result: lines.
/// Two forms are read:
/// <list type="bullet">
/// <item>with a header row naming the columns, as the corpus's verdicts.tsv: <c>path</c>, <c>herd_verdict</c>
/// (or <c>verdict</c>), optionally <c>flags</c> and <c>status</c> (a row whose status is not <c>ok</c>, or whose
/// verdict is empty, expects nothing);</item>
/// <item>without a header: <c>path TAB verdict [TAB flags]</c>.</item>
/// </list>
/// A verdict is Never, Sometimes, Always, Maybe or DEADLOCK, optionally followed by DATARACE; a <c>data-race</c>
/// flag means the same as DATARACE. Paths are relative to the table's folder.
/// </summary>
public sealed class ExpectationTable
{
    private static readonly string[] Words = ["Never", "Sometimes", "Always", "Maybe", "DEADLOCK"];

    private readonly Dictionary<string, ExpectedResult> _byFullPath;

    private ExpectationTable(Dictionary<string, ExpectedResult> byFullPath) => _byFullPath = byFullPath;

    public int Count => _byFullPath.Count;

    /// <summary>The expectation for a test, or null when the table has none for it.</summary>
    public ExpectedResult? For(string testPath, string currentDirectory) =>
        _byFullPath.GetValueOrDefault(Path.GetFullPath(testPath, currentDirectory));

    public static ExpectationTable Read(string file, string currentDirectory)
    {
        var full = Path.GetFullPath(file, currentDirectory);
        var folder = Path.GetDirectoryName(full)!;
        var rows = TsvRow.Read(full).ToList();
        var errors = new List<Diagnostic>();
        var (path, verdict, flags, status) = (0, 1, 2, -1);
        if (rows.Count > 0 && rows[0].IndexOf("path") >= 0)
        {
            var header = rows[0];
            (path, verdict, flags, status) = (header.IndexOf("path"),
                header.IndexOf("herd_verdict") is >= 0 and var h ? h : header.IndexOf("verdict"),
                header.IndexOf("flags"), header.IndexOf("status"));
            if (verdict < 0) throw new LitmusInputException(rows[0].SpanOf(0), "the header names no 'herd_verdict' or 'verdict' column");
            rows.RemoveAt(0);
        }

        var table = new Dictionary<string, ExpectedResult>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Field(path) is not { } p) { errors.Add(Diagnostic.Error(row.SpanOf(path), "no test path in this row")); continue; }
            if (status >= 0 && row.Field(status) is { } s && s != "ok") continue;
            if (row.Field(verdict) is not { } v)
            {
                if (status >= 0) continue; // a herd-style table: no verdict, no expectation
                errors.Add(Diagnostic.Error(row.SpanOf(verdict), $"no verdict for '{p}': expected {string.Join(", ", Words)}"));
                continue;
            }
            var words = v.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!Words.Contains(words[0]) || words.Length > 2 || (words.Length == 2 && words[1] != "DATARACE"))
            {
                errors.Add(Diagnostic.Error(row.SpanOf(verdict), $"unknown verdict '{v}': expected one of {string.Join(", ", Words)}, optionally followed by DATARACE"));
                continue;
            }
            var race = words.Length == 2 || (row.Field(flags) ?? "").Split(',').Select(f => f.Trim()).Contains("data-race");
            var key = Path.GetFullPath(p, folder);
            if (!table.TryAdd(key, new ExpectedResult(words[0], race, row.Text, row.SpanOf(verdict))))
                errors.Add(Diagnostic.Error(row.SpanOf(path), $"'{p}' is listed twice"));
        }
        if (errors.Count > 0) throw new LitmusInputException(errors);
        return new ExpectationTable(table);
    }
}

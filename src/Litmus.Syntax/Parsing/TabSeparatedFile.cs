namespace Litmus.Syntax;

/// <summary>
/// A tab-separated file's rows, with their line numbers and the column where each field starts, so a bad field
/// can be reported at its place. Blank lines and lines starting with '#' are skipped; fields are trimmed. The one
/// reader of the project's tables: verdict tables (the corpus's verdicts.tsv, features.tsv, the desugared
/// placements' verdicts.tsv), <c>--expect-file</c> tables and baselines.
/// </summary>
public sealed record TsvRow(string File, int Line, string Text, IReadOnlyList<string> Fields, IReadOnlyList<int> Columns)
{
    public string? Field(int i) => i >= 0 && i < Fields.Count && Fields[i].Length > 0 ? Fields[i] : null;

    public SourceSpan SpanOf(int i)
    {
        var col = i >= 0 && i < Columns.Count ? Columns[i] : 1;
        var len = i >= 0 && i < Fields.Count ? Math.Max(Fields[i].Length, 1) : 1;
        return new SourceSpan(File, Line, col, Line, col + len - 1);
    }

    /// <summary>The index of the column a header row names <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i] == name) return i;
        return -1;
    }

    /// <exception cref="LitmusInputException">The file cannot be read.</exception>
    public static IEnumerable<TsvRow> Read(string file)
    {
        string[] lines;
        try { lines = System.IO.File.ReadAllLines(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LitmusInputException(SourceSpan.At(file, 1, 1), $"cannot read the table: {e.Message}");
        }
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Trim().Length == 0 || text.StartsWith('#')) continue;
            var fields = text.Split('\t');
            var columns = new int[fields.Length];
            for (int f = 0, col = 1; f < fields.Length; col += fields[f].Length + 1, f++) columns[f] = col;
            yield return new TsvRow(file, i + 1, text, fields.Select(f => f.Trim()).ToArray(), columns);
        }
    }
}

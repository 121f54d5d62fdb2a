namespace Litmus.Cli.Output;

/// <summary>
/// The end-of-run table: one row per verdict, one column per outcome, only the rows and columns that occur.
/// <code>
/// verdict      ok  mismatched  total
/// Never        62           1     63
/// Sometimes    57           0     57
/// total       119           1    120
/// </code>
/// </summary>
public static class SummaryTable
{
    private static readonly string[] Rows = ["Never", "Sometimes", "Always", "DEADLOCK", "unknown", "error"];
    private static readonly string[] Columns = ["ok", "mismatched", "no expectation", "undecided", "error"];

    public static void Print(TextWriter w, RunSummary s)
    {
        var cells = s.ByVerdictAndStatus;
        var rows = Rows.Where(r => Columns.Any(c => cells.ContainsKey((r, c)))).ToList();
        var columns = Columns.Where(c => rows.Any(r => cells.ContainsKey((r, c)))).ToList();
        var widths = columns.Select(c => Math.Max(c.Length, 5)).ToList();
        int Cell(string r, string c) => cells.GetValueOrDefault((r, c));
        void Line(string label, IEnumerable<object> values, object total) =>
            w.WriteLine($"{label,-10}" + string.Concat(values.Select((v, i) => $"  {v.ToString()!.PadLeft(widths[i])}")) + $"  {total,5}");

        Line("verdict", columns, "total");
        foreach (var r in rows) Line(r, columns.Select(c => (object)Cell(r, c)), columns.Sum(c => Cell(r, c)));
        Line("total", columns.Select(c => (object)rows.Sum(r => Cell(r, c))), s.Tests);
    }
}

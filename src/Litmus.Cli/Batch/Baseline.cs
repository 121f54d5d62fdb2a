using Litmus.Checking;
using Litmus.Syntax;

namespace Litmus.Cli.Batch;

/// <summary>One test as a baseline records it: its display path, its verdict word and its raised flags.</summary>
public sealed record BaselineEntry(string Path, string Verdict, IReadOnlyList<string> Flags)
{
    /// <summary>Verdict words beyond the kernel's: a test that could not be read, and one the solver gave up on.</summary>
    public const string Error = "error", Unknown = "unknown";

    public static BaselineEntry Of(TestResult r, string displayPath) =>
        new(displayPath, r.IsError ? Error : r.Unknown is not null ? Unknown : r.VerdictWord!, r.Flags.Order(StringComparer.Ordinal).ToList());

    public bool SameOutcome(BaselineEntry other) => Verdict == other.Verdict && Flags.SequenceEqual(other.Flags);

    /// <summary>"Sometimes", or "Sometimes [data-race]" when flags were raised.</summary>
    public string Describe() => Flags.Count == 0 ? Verdict : $"{Verdict} [{string.Join(", ", Flags)}]";
}

/// <summary>
/// The baseline file (<c>--save-baseline</c>, <c>--baseline</c>): a tab-separated text file made for diffs. Comment
/// lines start with '#'; then one line per test, sorted by path (ordinal): <c>path TAB verdict [TAB flags]</c>,
/// flags a comma-separated list, the column left out when none was raised. Paths are relative to the folder the
/// run started in. The verdict is Never, Sometimes, Always, DEADLOCK, unknown (the solver gave up) or error.
/// </summary>
public static class BaselineFile
{
    private static readonly string[] Verdicts = ["Never", "Sometimes", "Always", "DEADLOCK", BaselineEntry.Unknown, BaselineEntry.Error];

    public static void Write(string file, IEnumerable<BaselineEntry> entries, string model)
    {
        using var w = new StreamWriter(file) { NewLine = "\n" };
        w.WriteLine("# Litmus baseline: path, verdict, flags (tab-separated; sorted by path; paths relative to where litmus ran)");
        w.WriteLine($"# model: {model}");
        foreach (var e in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
            w.WriteLine(e.Flags.Count == 0 ? $"{e.Path}\t{e.Verdict}" : $"{e.Path}\t{e.Verdict}\t{string.Join(',', e.Flags)}");
    }

    public static IReadOnlyDictionary<string, BaselineEntry> Read(string file)
    {
        var entries = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        var errors = new List<Diagnostic>();
        foreach (var row in TsvRow.Read(file))
        {
            if (row.Fields.Count is < 2 or > 3 || row.Field(0) is null)
                errors.Add(Diagnostic.Error(row.SpanOf(0), "expected 'path TAB verdict [TAB flags]'"));
            else if (!Verdicts.Contains(row.Fields[1]))
                errors.Add(Diagnostic.Error(row.SpanOf(1), $"unknown verdict '{row.Fields[1]}': expected one of {string.Join(", ", Verdicts)}"));
            else if (!entries.TryAdd(row.Fields[0], new BaselineEntry(row.Fields[0], row.Fields[1],
                         (row.Field(2) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList())))
                errors.Add(Diagnostic.Error(row.SpanOf(0), $"'{row.Fields[0]}' is listed twice"));
        }
        if (errors.Count > 0) throw new LitmusInputException(errors);
        return entries;
    }
}

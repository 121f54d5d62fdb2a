namespace Litmus.Cli.Batch;

/// <summary>
/// <c>--baseline FILE</c>: compares each result with the recorded one. Changed verdicts or flags fail the run;
/// new tests (not in the baseline) and removed ones (in the baseline, within this shard, but not run) are only
/// reported, because adding or retiring a test is a deliberate edit, not a regression.
/// </summary>
public sealed class BaselineComparison(string file, IReadOnlyDictionary<string, BaselineEntry> entries, Shard shard)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _lines = [];

    public string File { get; } = file;
    public int Changed { get; private set; }
    public int New { get; private set; }

    public TestOutcome Compare(TestOutcome o)
    {
        _seen.Add(o.DisplayPath);
        var now = o.Now;
        if (!entries.TryGetValue(o.DisplayPath, out var was))
        {
            New++;
            _lines.Add($"new: {o.Result.Name} {now.Describe()}");
            return o with { Baseline = BaselineChange.New };
        }
        if (was.SameOutcome(now)) return o with { Was = was, Baseline = BaselineChange.Same };
        Changed++;
        _lines.Add($"{o.Result.Name} now {now.Describe()} (was {was.Describe()})");
        return o with { Was = was, Baseline = BaselineChange.Changed };
    }

    /// <summary>Baseline rows of this shard that the run did not check.</summary>
    public IReadOnlyList<BaselineEntry> Removed =>
        entries.Values.Where(e => !_seen.Contains(e.Path) && shard.Contains(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

    public void Print(TextWriter w)
    {
        var removed = Removed;
        w.WriteLine($"Compared with the baseline {File}: {Changed} changed, {New} new, {removed.Count} removed");
        foreach (var line in _lines) w.WriteLine("  " + line);
        foreach (var e in removed) w.WriteLine($"  removed: {e.Path} (was {e.Describe()})");
    }
}

using Litmus.Checking;

namespace Litmus.Cli.Output;

/// <summary>Agreement with a reference table: per top-level folder, then every disagreement with its cause.</summary>
public sealed class ConformanceReport(TextWriter stdout)
{
    private sealed class Tally { public int Compared, Agreed, FlagCompared, FlagAgreed, RejectedToo, HerdErrors, Timeouts, TimeoutsDecided, CountsCompared, CountsAgreed; }

    private readonly SortedDictionary<string, Tally> _folders = new(StringComparer.Ordinal);
    private readonly List<string> _disagreements = [];
    private readonly List<string> _timeouts = [];
    private readonly List<string> _countDifferences = [];
    private bool _counted;

    public int Disagreements => _disagreements.Count;

    public void Add(ReferenceVerdict row, TestResult result)
    {
        var folder = row.Path.Split('/')[0];
        if (!_folders.TryGetValue(folder, out var t)) _folders[folder] = t = new Tally();
        var ours = result.IsError ? "error" : result.Unknown is not null ? "unknown" : result.Verdict.ToString()!;
        var ms = result.Elapsed.TotalMilliseconds;
        if (row.Status == "herd-error")
        {
            t.HerdErrors++;
            if (result.IsError) t.RejectedToo++;
            else _disagreements.Add($"{row.Path}: herd rejects it ({row.HerdError}); Litmus says {ours}");
            return;
        }
        if (row.Status == "herd-timeout")
        {
            t.Timeouts++;
            if (result.Verdict is not null) t.TimeoutsDecided++;
            _timeouts.Add($"{row.Path}: {ours} in {ms:0} ms");
            return;
        }
        if (!row.HasVerdict) return;
        t.Compared++;
        var herdRace = row.Flags.Contains("data-race");
        var ourRace = result.Flags.Contains("data-race");
        var verdictOk = ours == row.Verdict;
        if (verdictOk) t.Agreed++;
        if (herdRace || ourRace) { t.FlagCompared++; if (herdRace == ourRace) t.FlagAgreed++; }
        if (result.States is { } states && result.Executions is { } e && row.Counts is { } herd)
        {
            _counted = true;
            t.CountsCompared++;
            if ((states.Count, e.Positive, e.Negative) == herd) t.CountsAgreed++;
            else _countDifferences.Add($"{row.Path}: herd States {herd.States} Positive {herd.Positive} Negative {herd.Negative}, " +
                                       $"Litmus States {states.Count} Positive {e.Positive} Negative {e.Negative}");
        }
        if (!verdictOk || herdRace != ourRace)
        {
            var why = result.IsError ? ": " + result.Errors[0] : result.Unknown is not null ? ": " + result.Unknown : "";
            _disagreements.Add($"{row.Path}: herd {row.Verdict}{(herdRace ? " data-race" : "")}, Litmus {ours}{(ourRace ? " data-race" : "")}{why}");
        }
    }

    public void Print(string model)
    {
        stdout.WriteLine($"Agreement with the reference verdicts under {model}:");
        stdout.WriteLine($"  {"folder",-10} {"agree",7} {"of",6} {"%",7}   {"data-race flag",14}   herd-rejected (Litmus too)   herd timed out (Litmus decided)");
        var all = new Tally();
        foreach (var (name, t) in _folders)
        {
            Line(name, t);
            all.Compared += t.Compared; all.Agreed += t.Agreed; all.FlagCompared += t.FlagCompared; all.FlagAgreed += t.FlagAgreed;
            all.HerdErrors += t.HerdErrors; all.RejectedToo += t.RejectedToo; all.Timeouts += t.Timeouts; all.TimeoutsDecided += t.TimeoutsDecided;
            all.CountsCompared += t.CountsCompared; all.CountsAgreed += t.CountsAgreed;
        }
        Line("total", all);
        if (_counted)
        {
            stdout.WriteLine();
            stdout.WriteLine("States and Positive/Negative execution counts (herd format):");
            foreach (var (name, t) in _folders) stdout.WriteLine($"  {name,-10} {t.CountsAgreed,7} {t.CountsCompared,6}");
            stdout.WriteLine($"  {"total",-10} {all.CountsAgreed,7} {all.CountsCompared,6}");
            stdout.WriteLine($"Count differences ({_countDifferences.Count}):");
            foreach (var d in _countDifferences) stdout.WriteLine("  " + d);
        }
        stdout.WriteLine();
        stdout.WriteLine($"Disagreements ({_disagreements.Count}):");
        foreach (var d in _disagreements) stdout.WriteLine("  " + d);
        if (_timeouts.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Tests herd7 did not finish in 60 s ({_timeouts.Count}):");
            foreach (var d in _timeouts) stdout.WriteLine("  " + d);
        }
    }

    private void Line(string name, Tally t)
    {
        var pct = t.Compared == 0 ? 100.0 : 100.0 * t.Agreed / t.Compared;
        stdout.WriteLine($"  {name,-10} {t.Agreed,7} {t.Compared,6} {pct,6:0.00}%   {t.FlagAgreed,6}/{t.FlagCompared,-7}   {t.RejectedToo,6}/{t.HerdErrors,-20}   {t.TimeoutsDecided}/{t.Timeouts}");
    }
}

using Litmus.Checking;

namespace Litmus.Cli.Output;

/// <summary>One aligned line per test: name, verdict, the test's own expectation, whether they agree, time.</summary>
public sealed class TextReporter(TextWriter stdout, TextWriter stderr, string model) : IReporter
{
    public void Report(TestResult r, Judgement j)
    {
        if (r.IsError)
        {
            foreach (var d in r.Errors) stderr.WriteLine(d);
            stdout.WriteLine($"{r.Name,-27} {"error",-10} {"",-18} see above");
            return;
        }
        var verdict = r.Unknown is not null ? "Unknown" : r.VerdictWord!;
        var expected = r.Expected is null ? "" : $"(expected {Expectations.Describe(r.Expected)})";
        var status = j switch
        {
            Judgement.Match => "ok",
            Judgement.Mismatch => "MISMATCH",
            Judgement.NotDecided => "undecided",
            _ => r.Unknown is not null ? "undecided" : "",
        };
        var flags = r.Flags.Count > 0 ? "  [" + string.Join(", ", r.Flags) + "]" : "";
        stdout.WriteLine($"{r.Name,-27} {verdict,-10} {expected,-18} {status,-4} {r.Elapsed.TotalMilliseconds,5:0} ms{flags}");
        if (r.Unknown is not null) stdout.WriteLine($"    undecided: {r.Unknown}");
        foreach (var warning in r.Warnings) stderr.WriteLine(warning);
        if (r.States is { } states)
        {
            stdout.WriteLine($"    {states.Count} final state(s):");
            foreach (var s in states) stdout.WriteLine($"      {s}{(s.Satisfies ? "  <- satisfies the condition" : "")}");
        }
        if (r.ForbiddenBy.Count > 0)
            stdout.WriteLine($"    forbidden by: {string.Join(", ", r.ForbiddenBy)} (the outcome would need an execution violating it)");
        if (r.Witness is { } w)
        {
            stdout.WriteLine("    witness:");
            foreach (var line in WitnessText.Lines(w)) stdout.WriteLine("      " + line);
        }
    }

    public void Finish(RunSummary s)
    {
        if (s.Tests > 1)
        {
            stdout.WriteLine();
            SummaryTable.Print(stdout, s);
        }
        var parts = new List<string> { $"{s.Matched} ok", $"{s.Mismatched} mismatched", $"{s.Errors} errors" };
        if (s.Undecided > 0) parts.Add($"{s.Undecided} undecided");
        if (s.WithoutExpectation > 0) parts.Add($"{s.WithoutExpectation} without expectation");
        stdout.WriteLine($"{s.Tests} tests under {model}: {string.Join(", ", parts)}");
    }
}

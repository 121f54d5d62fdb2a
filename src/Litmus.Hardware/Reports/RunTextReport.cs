using System.Globalization;

namespace Litmus.Hardware.Reports;

/// <summary>
/// The text of <c>litmus run</c>, in litmus7's manner: the histogram of final states (<c>*&gt;</c> marks those
/// satisfying the condition), the states the model allows that never showed, the <c>Observation</c> line, the
/// time per iteration and the membarrier calls, then the judgement against the model.
/// </summary>
public static class RunTextReport
{
    public static void Write(TextWriter o, RunResult r, string displayPath, bool enforceExpectation)
    {
        if (r.IsError)
        {
            o.WriteLine($"Test {r.Name} ({displayPath}): error: {string.Join("; ", r.Errors.Select(e => e.Message))}");
            o.WriteLine();
            return;
        }
        if (r.IsSkipped)
        {
            o.WriteLine($"Test {r.Name} ({displayPath}): skipped, not run: {r.Skipped}");
            o.WriteLine();
            return;
        }
        var run = r.Output!;
        o.WriteLine($"Test {r.Name} ({displayPath})");
        o.WriteLine($"Histogram ({r.Seen.Count} state{(r.Seen.Count == 1 ? "" : "s")})");
        var width = Math.Max(6, r.Seen.Select(s => s.Count.ToString(CultureInfo.InvariantCulture).Length).DefaultIfEmpty(0).Max());
        foreach (var s in r.Seen)
            o.WriteLine($"{s.Count.ToString(CultureInfo.InvariantCulture).PadRight(width)}{(s.Satisfies ? "*>" : ":>")}{s.Text.TrimEnd()}{(s.Allowed ? "" : $"   <-- FORBIDDEN by {r.Model}")}");
        if (r.Filtered > 0) o.WriteLine($"({r.Filtered} executions removed by the filter)");
        if (run.Stuck > 0) o.WriteLine($"({run.Stuck} executions left out: a thread gave up waiting for a lock, a deadlock for which the model has no execution)");
        foreach (var t in r.NotSeen) o.WriteLine($"not seen (allowed by {r.Model}): {t.TrimEnd()}");
        o.WriteLine($"Observation {r.Name} {r.Observation} {r.Positive} {r.Negative}");
        var perIteration = run.Iterations == 0 ? 0 : run.Elapsed.TotalNanoseconds / run.Iterations;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Time {r.Name} {run.Elapsed.TotalSeconds:0.000} s for {run.Iterations} iterations: {Duration(perIteration)} per iteration ({run.Rounds} rounds of {run.Size} instances, {run.Threads} threads on {run.Cpus} CPUs, threads meet {(run.SyncEachInstance ? "before each instance" : "before each round")})"));
        var calls = $"Membarrier {r.Name} {run.MembarrierCalls} calls";
        if (run.MembarrierCalls > 0) calls += string.Create(CultureInfo.InvariantCulture, $" ({Duration(run.Elapsed.TotalNanoseconds / run.MembarrierCalls)} of run time per call)");
        if (run.MembarrierFailures > 0) calls += $", {run.MembarrierFailures} refused by the kernel (returned an error, as the test's command asks)";
        if (r.Registrations.Count > 0) calls += $"; registered at start-up: {string.Join(", ", r.Registrations)}";
        o.WriteLine(calls);
        foreach (var (thread, lines) in r.PlainAccesses.OrderBy(p => p.Key))
            o.WriteLine($"Plain accesses of P{thread} (line{(lines.Count == 1 ? "" : "s")} {string.Join(", ", lines)}) are plain C: the compiler may reorder, merge or tear them");
        if (r.ModelViolated)
        {
            foreach (var s in r.Seen.Where(s => !s.Allowed))
                o.WriteLine($"*** model violated: {r.Model} forbids {s.Text.TrimEnd()} but this machine produced it {s.Count} time{(s.Count == 1 ? "" : "s")} ***");
        }
        else o.WriteLine($"Model {r.Model}: every observed state is allowed");
        if (r.ExpectationViolated)
            o.WriteLine($"{(enforceExpectation ? "*** " : "")}expected Never ({r.Expected!.Line.Trim()}), but the condition held {r.Positive} time{(r.Positive == 1 ? "" : "s")}{(enforceExpectation ? " ***" : "")}");
        o.WriteLine();
    }

    /// <summary>A short duration from nanoseconds: ns, µs or ms.</summary>
    public static string Duration(double ns) => ns switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns:0.0} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.00} ms"),
    };

    public static void Summary(TextWriter o, IReadOnlyList<RunResult> results, string model)
    {
        var ran = results.Count(r => r.Ran);
        o.WriteLine($"{results.Count} tests under {model}: {ran} run, {results.Count(r => r.Ran && !r.ModelViolated)} consistent with the model, "
            + $"{results.Count(r => r.ModelViolated)} model violated, {results.Count(r => r.ExpectationViolated)} expected Never but observed, "
            + $"{results.Count(r => r.IsSkipped)} skipped, {results.Count(r => r.IsError)} errors");
    }
}

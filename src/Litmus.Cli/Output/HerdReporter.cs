using Litmus.Checking;
using Litmus.Syntax.Ast;

namespace Litmus.Cli.Output;

/// <summary>
/// herd7's result block, which the kernel's scripts read: they grep the Observation line and the Flag lines.
/// Positive/Negative count final states here, not candidate executions (no execution is enumerated).
/// </summary>
public sealed class HerdReporter(TextWriter stdout, TextWriter stderr) : IReporter
{
    public void Report(TestResult r, Judgement j)
    {
        if (r.IsError)
        {
            foreach (var d in r.Errors) stdout.WriteLine($"Warning: File \"{r.Path}\": {d.Span.Line}:{d.Span.Column}: {d.Message} (User error)");
            foreach (var d in r.Errors) stderr.WriteLine(d);
            return;
        }
        if (r.Unknown is not null)
        {
            stdout.WriteLine($"Warning: File \"{r.Path}\": solver gave up: {r.Unknown}");
            return;
        }
        var states = r.States ?? [];
        var satisfying = states.Count(s => s.Satisfies);
        var (pos, neg) = r.Executions is { } e ? (e.Positive, e.Negative) : (satisfying, states.Count - satisfying);
        var kind = r.Quantifier switch { Quantifier.Exists => "Allowed", Quantifier.NotExists => "Forbidden", _ => "Required" };
        stdout.WriteLine($"Test {r.Name} {kind}");
        stdout.WriteLine($"States {states.Count}");
        foreach (var s in states) stdout.WriteLine(s.ToString());
        // herd prints Undef in place of Ok/No when an execution raised undefined_unless's flag (*undef*).
        stdout.WriteLine(r.Flags.Contains(Encoding.SymbolicAlgebra.UndefinedFlag) ? "Undef" : r.Ok ? "Ok" : "No");
        stdout.WriteLine("Witnesses");
        var (wp, wn) = r.Quantifier == Quantifier.NotExists ? (neg, pos) : (pos, neg);
        stdout.WriteLine($"Positive: {wp} Negative: {wn}");
        foreach (var f in r.Flags) stdout.WriteLine($"Flag {f}");
        stdout.WriteLine($"Condition {r.ConditionText}");
        stdout.WriteLine($"Observation {r.Name} {r.Verdict} {pos} {neg}");
        stdout.WriteLine($"Time {r.Name} {r.Elapsed.TotalSeconds:0.00}");
        stdout.WriteLine();
    }

    public void Finish(RunSummary summary) { }
}

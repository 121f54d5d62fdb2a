using System.Globalization;
using Litmus.Checking;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Cli.Output;

/// <summary>
/// herd7's result block, byte for byte as herd7 7.58 prints it (the kernel's scripts grep its Observation and Flag
/// lines; <c>cmplitmushist.sh</c> compares whole blocks). The one known difference: Positive/Negative and the
/// Observation counts are final states here, where herd counts candidate executions (see <see cref="Counts"/>).
/// </summary>
/// <param name="herdMessages">
/// <c>litmus herd7</c>: a test that cannot be loaded gets herd's one-line warning on stderr, which the kernel's
/// scripts grep. Otherwise (<c>litmus check --format herd</c>) it gets Litmus's positioned diagnostics.
/// </param>
public sealed class HerdReporter(TextWriter stdout, TextWriter stderr, HerdReporter.Mode mode = HerdReporter.Mode.Full, bool herdMessages = false) : IReporter
{
    /// <summary>herd's <c>-speedcheck</c>: Full lists every state; Fast stops at the first state that decides the condition.</summary>
    public enum Mode { Full, Fast }

    public void Report(TestResult r, Judgement j)
    {
        if (r.IsError)
        {
            // herd stops at a test's first error and reports it on stderr, with no result block.
            stdout.Flush();
            if (herdMessages) stderr.WriteLine(UserError(r.Path, r.Errors[0]));
            else foreach (var d in r.Errors) stderr.WriteLine(d);
            return;
        }
        if (r.Unknown is not null)
        {
            stdout.Flush();
            stderr.WriteLine($"Warning: File \"{r.Path}\": undecided: {r.Unknown}");
            return;
        }
        var name = HerdName(r.Name);
        var states = HerdStateOrder.Sort(r.States ?? []);
        if (mode == Mode.Fast) states = Deciding(r, states);
        var (pos, neg) = Counts(r, states);
        var kind = r.Quantifier switch { Quantifier.Exists => "Allowed", Quantifier.NotExists => "Forbidden", _ => "Required" };
        stdout.WriteLine($"Test {name} {kind}");
        stdout.WriteLine($"States {states.Count}");
        foreach (var s in states) stdout.WriteLine(s.ToString());
        // herd prints Undef in place of Ok/No when an execution raised undefined_unless's flag (*undef*).
        stdout.WriteLine(r.Flags.Contains(Encoding.SymbolicAlgebra.UndefinedFlag) ? "Undef" : r.Ok ? "Ok" : "No");
        stdout.WriteLine("Witnesses");
        var (wp, wn) = r.Quantifier == Quantifier.NotExists ? (neg, pos) : (pos, neg);
        stdout.WriteLine($"Positive: {wp} Negative: {wn}");
        // herd keeps the flags in a set of strings and prints them in byte order, not in the model's order.
        foreach (var f in r.Flags.Order(StringComparer.Ordinal)) stdout.WriteLine($"Flag {f}");
        stdout.WriteLine($"Condition {r.ConditionText}");
        stdout.WriteLine($"Observation {name} {(mode == Mode.Fast ? VerdictOf(pos, neg) : r.Verdict)} {pos} {neg}");
        stdout.WriteLine($"Time {name} {r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}");
        if (Hash(r.Path) is { } hash) stdout.WriteLine($"Hash={hash}");
        stdout.WriteLine();
    }

    /// <summary>
    /// The Positive/Negative and Observation counts: how many outcomes satisfy the condition's proposition and how many
    /// do not. herd counts candidate executions; these are final states, which differ when several executions reach
    /// one state. Kept in this one place so that execution counts can replace them.
    /// </summary>
    /// <summary>
    /// herd's Positive/Negative count executions (candidates by rf and co), which the checker lists with the states;
    /// herd's -speedcheck lists one state and counts it as one execution.
    /// </summary>
    private (long Positive, long Negative) Counts(TestResult r, List<FinalState> states)
    {
        if (mode != Mode.Fast && r.Executions is { } e) return (e.Positive, e.Negative);
        var satisfying = states.Count(s => s.Satisfies);
        return (satisfying, states.Count - satisfying);
    }

    /// <summary>
    /// herd's <c>-speedcheck true|fast</c> stops at the first execution that settles the condition and lists only
    /// that execution's state: one satisfying the proposition under exists and ~exists, one violating it under
    /// forall. When none settles it, no state is listed (herd7 7.58: <c>States 0</c>, <c>Never 0 0</c>).
    /// </summary>
    private static List<FinalState> Deciding(TestResult r, List<FinalState> states)
    {
        var wanted = r.Quantifier != Quantifier.Forall;
        return states.FirstOrDefault(s => s.Satisfies == wanted) is { } first ? [first] : [];
    }

    /// <summary>herd's verdict word from its counts, as the speedcheck output uses it.</summary>
    private static string VerdictOf(long positive, long negative) =>
        positive == 0 ? "Never" : negative == 0 ? "Always" : "Sometimes";

    /// <summary>herd drops a <c>.litmus</c> that a test's header gives as part of its name.</summary>
    private static string HerdName(string name) =>
        name.EndsWith(".litmus", StringComparison.Ordinal) ? name[..^".litmus".Length] : name;

    /// <summary>
    /// herd's message for a test it cannot load. An unknown primitive is herd's <c>Unknown macro NAME</c>, which the
    /// kernel's judgelitmus.sh greps, cutting the name out to report it; other errors carry herd's position form
    /// (<c>line L, characters C0-C1</c>, columns from 0), in the file the error is in: the test's, or a model file it
    /// reads (an included cat file is read when the first test needs it).
    /// </summary>
    public static string UserError(string path, Diagnostic d)
    {
        if (UnknownPrimitive.Match(d.Message) is { Success: true } m)
            return $"Warning: File \"{path}\": Unknown macro {m.Groups["name"].Value} (User error)";
        if (d.Span.File.Length > 0 && Path.GetFullPath(d.Span.File) != Path.GetFullPath(path)) path = d.Span.File;
        var (from, to) = (d.Span.Column - 1, d.Span.EndLine == d.Span.Line && d.Span.EndColumn > d.Span.Column ? d.Span.EndColumn - 1 : d.Span.Column);
        return $"Warning: File \"{path}\", line {d.Span.Line}, characters {Math.Max(from, 0)}-{Math.Max(to, 0)}: {d.Message} (User error)";
    }

    /// <summary>The events layer's message for a call that is neither a C primitive nor a macro of the .def files.</summary>
    private static readonly System.Text.RegularExpressions.Regex UnknownPrimitive =
        new(@"^unknown primitive '(?<name>[^']+)'.*Unknown macro$", System.Text.RegularExpressions.RegexOptions.Singleline);

    private static string? Hash(string path)
    {
        try
        {
            var source = File.ReadAllText(path);
            return HerdHash.Of(source, LitmusParser.Parse(source, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LitmusInputException)
        {
            return null;
        }
    }

    public void Finish(RunSummary summary) { }
}

using Litmus.Cli.Batch;
using Litmus.Syntax;

namespace Litmus.Cli.Output;

/// <summary>
/// <c>--annotations</c>: GitHub Actions workflow commands, printed on stdout at the end of the run, which GitHub
/// shows on the lines of the pull request: <c>::error file=PATH,line=N,col=M::message</c> at each bad-input
/// diagnostic, and at the Result: line (or line 1) of a test whose verdict fails the run. A verdict that differs
/// from a Result: line that is not being enforced (no <c>--expect</c>) is a warning.
/// </summary>
public sealed class AnnotationSink(TextWriter stdout, string currentDirectory) : IResultSink
{
    private readonly List<string> _lines = [];

    public void Add(TestOutcome o)
    {
        var file = o.DisplayPath;
        if (o.IsError)
            foreach (var d in o.Result.Errors) _lines.Add(At(d, currentDirectory));
        else if (o.IsUndecided || o.Fails)
            _lines.Add(Command("error", file, ResultLine(o), null, o.Problem!));
        else if (o.IsMismatch)
            _lines.Add(Command("warning", file, ResultLine(o), null, o.Problem!));
    }

    public void Finish(RunEnd end)
    {
        foreach (var line in _lines) stdout.WriteLine(line);
    }

    /// <summary>A run-wide problem (a model that does not load), annotated where it is.</summary>
    public static string At(Diagnostic d, string currentDirectory) =>
        File.Exists(Path.GetFullPath(d.Span.File, currentDirectory))
            ? Command("error", DisplayPath.Of(d.Span.File, currentDirectory), d.Span.Line, d.Span.Column, d.Message)
            : $"::error::{Data(d.ToString())}";

    /// <summary>The line of the test's own Result: comment when the expectation came from it, else the first line.</summary>
    private int ResultLine(TestOutcome o) =>
        o.Result.Expected is { } e && Path.GetFullPath(e.Span.File, currentDirectory) == Path.GetFullPath(o.Result.Path, currentDirectory) ? e.Span.Line : 1;

    private static string Command(string level, string file, int line, int? col, string message) =>
        $"::{level} file={Property(file)},line={line}{(col is { } c ? $",col={c}" : "")}::{Data(message)}";

    // The escapes GitHub's toolkit applies: '%' and line breaks everywhere, ':' and ',' inside properties too.
    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}

using System.Text.RegularExpressions;
using Litmus.Checking;
using Litmus.Cli;

namespace Litmus.Fuzz;

/// <summary>What one run of the command line did.</summary>
public sealed record CliRun(int? Exit, string Out, string Err, Exception? Escaped, bool Hung);

/// <summary>
/// Runs the command line in-process (Program.Run, the entry point Main calls, on a thread with the checker's
/// stack), with a wall-clock limit, and says what is wrong with what it did.
/// </summary>
public static partial class CliHarness
{
    public static CliRun Run(string[] args, string cwd, TimeSpan limit)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int? exit = null;
        Exception? escaped = null;
        var context = new CliContext { CurrentDirectory = cwd, GetEnvironmentVariable = _ => null };
        var thread = CheckerThread.Start(() =>
        {
            try { exit = Litmus.Cli.Program.Run(args, stdout, stderr, context); }
            catch (Exception e) { escaped = e; }
        }, "fuzz");
        var hung = !thread.Join(limit);
        lock (stdout) lock (stderr) return new CliRun(exit, hung ? "" : stdout.ToString(), hung ? "" : stderr.ToString(), escaped, hung);
    }

    /// <summary>The problems of a run, each one line: a crash, a hang, an exit code outside the README's table, or an error without a position.</summary>
    public static IEnumerable<string> Problems(CliRun run)
    {
        if (run.Hung) { yield return "hang: no answer within the time limit"; yield break; }
        if (run.Escaped is { } e) yield return $"crash: {e.GetType().Name} escaped Program.Run: {FirstLine(e.Message)}";
        var text = run.Out + "\n" + run.Err;
        if (text.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || StackFrame().IsMatch(text))
            yield return "crash: a stack trace in the output: " + FirstLine(StackFrame().Match(text) is { Success: true } m ? m.Value : text);
        if (run.Exit is { } code && code is < 0 or > 3)
            yield return $"exit code {code}, not one of the README's 0-3";
        foreach (var line in run.Err.Split('\n'))
            if (line.Contains("error", StringComparison.OrdinalIgnoreCase) && !Positioned().IsMatch(line) && !line.StartsWith("    ", StringComparison.Ordinal))
                yield return "unpositioned error: " + line.Trim();
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    [GeneratedRegex(@"^\s+at [\w.<>`|$]+[.(]", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>file:line:col: error: message (or warning), as the README promises for bad input.</summary>
    [GeneratedRegex(@"^\S.*:\d+:\d+: (error|warning): \S")]
    private static partial Regex Positioned();
}

using System.CommandLine;
using System.Reflection;
using Litmus.Checking;
using Litmus.Cli.Output;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// <c>litmus herd7 [herd options] TESTS...</c>: herd7's command line and herd7's output, so that scripts written
/// for herd7 (the kernel's tools/memory-model/scripts) run Litmus instead, through the <c>scripts/herd7</c> shim.
/// Its arguments are read as herd reads them (<see cref="Herd7Arguments"/>), not by System.CommandLine, whose
/// conventions (bundled short options, <c>-ofoo</c>) herd does not share. Like herd7 it prints one result block per
/// test, warns on stderr about a test it cannot read and goes on, and exits 0; <c>-exit true</c> stops at the
/// first such test with status 1; a command line herd would refuse exits 2.
/// </summary>
public static class Herd7Command
{
    /// <summary>The program name in herd's messages (herd prints its own path there; the scripts ignore it).</summary>
    private const string Program = "herd7";

    /// <summary>herd7's status when <c>-exit true</c> stops at a test it cannot load.</summary>
    private const int HerdFailure = 1;

    /// <summary>
    /// The entry in <c>litmus --help</c>. <see cref="Cli.Program.Run"/> sends every <c>herd7</c> command line to
    /// <see cref="Run"/> before System.CommandLine sees it.
    /// </summary>
    public static Command Create() =>
        new("herd7", "Run as herd7: herd7's options (-conf, -model, -bell, -macros, -I, -o, -timeout, -exit, -speedcheck, -skipcheck, ...) and herd7's result blocks; 'litmus herd7 -help' lists them");

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        Herd7Arguments a;
        try
        {
            a = Herd7Arguments.Parse(args);
        }
        catch (Herd7UsageException e)
        {
            stderr.Write($"{Program}: {e.Message}\n{Herd7Options.Usage(Program)}");
            return ExitCodes.BadInput;
        }
        if (a.Help)
        {
            stdout.Write(Herd7Options.Usage(Program));
            return ExitCodes.Success;
        }
        if (a.Version)
        {
            // herd7's own form first ("7.58, Rev: <commit>"), for tools that parse it; then what this really is.
            stdout.WriteLine($"7.58, Rev: litmus-{Version}");
            stdout.WriteLine($"Litmus {Version}: an SMT-based checker standing in for herd7 7.58 (not herd7 itself)");
            return ExitCodes.Success;
        }
        if (a.LibDir)
        {
            stdout.WriteLine(ModelLoader.BundledDirectory);
            return ExitCodes.Success;
        }

        LitmusChecker.Prepare(); // the solver's start-up overlaps reading the model
        // So does reading the first test, when it is named (the kernel's scripts start one process per test).
        var first = a.Tests.Count > 0 && !a.Tests[0].StartsWith('@') && File.Exists(a.Tests[0]) ? a.Tests[0] : null;
        var firstParsed = first is null ? null : LitmusChecker.ParseAhead(first);
        ModelSpec model;
        try
        {
            model = SkippedChecks.Apply(
                ModelLoader.LoadAsHerd(a.Conf, a.Model, a.Bell, a.Macros, a.Variants, a.Folders),
                a.SkipChecks, a.ThroughAll);
        }
        catch (LitmusInputException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            return ExitCodes.BadInput;
        }
        if (a.OutputDir is { } graphs && GraphSink.Prepare(graphs) is { } graphError)
        {
            stderr.WriteLine(graphError);
            return ExitCodes.BadInput;
        }

        IReadOnlyList<string> names = a.Tests.Count > 0 ? a.Tests : NamesFrom(context.Stdin, ".");
        var options = new CheckOptions
        {
            States = true, CountExecutions = true, Witness = a.OutputDir is not null,
            Timeout = a.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            ListingWorkers = Environment.ProcessorCount, // one test at a time
        };
        var reporter = new HerdReporter(stdout, stderr, a.SpeedCheck ? HerdReporter.Mode.Fast : HerdReporter.Mode.Full, herdMessages: true);
        try
        {
            using var checker = context.CreateChecker(model, options);
            foreach (var test in Expand(names))
            {
                if (Unreadable(test) is { } why)
                {
                    stdout.Flush();
                    stderr.WriteLine($"Warning: File \"{test}\": open_in failed: {test}: {why}");
                    if (a.Exit) return HerdFailure;
                    continue;
                }
                var result = checker.CheckFile(test, test == first ? firstParsed : null);
                if (a.OutputDir is { } dir) GraphSink.WriteDot(dir, result);
                reporter.Report(result, Expectations.Judge(result));
                stdout.Flush();
                // herd7 -exit true stops at the first test it cannot load, with status 1.
                if (result.IsError && a.Exit) return HerdFailure;
            }
        }
        catch (SolverUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The tests named, in order: as herd does, a name starting with <c>@</c> is a file listing test names (one a
    /// line, <c>#</c> comments, relative to the list's folder); Litmus also takes a folder for every test in it.
    /// </summary>
    private static IEnumerable<string> Expand(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (Path.GetFileName(name).StartsWith('@'))
            {
                var list = Path.Combine(Path.GetDirectoryName(name) ?? "", Path.GetFileName(name)[1..]);
                var listed = File.Exists(list) ? NamesFrom(new StringReader(File.ReadAllText(list)), Path.GetDirectoryName(list)!) : [list];
                foreach (var t in Expand(listed)) yield return t;
            }
            else if (Directory.Exists(name))
                foreach (var t in TestFiles.Expand([name])) yield return t;
            else yield return name;
        }
    }

    /// <summary>herd reads test names from stdin, one per line, when the command line gives none.</summary>
    private static List<string> NamesFrom(TextReader reader, string folder)
    {
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } name && !name.StartsWith('#'))
                names.Add(folder == "." || Path.IsPathRooted(name) ? name : Path.Combine(folder, name));
        return names;
    }

    /// <summary>Why herd's <c>open_in</c> would fail on the file, in its words; null when it can be read.</summary>
    private static string? Unreadable(string path)
    {
        if (Directory.Exists(path)) return "Is a directory";
        if (!File.Exists(path)) return "No such file or directory";
        try
        {
            using var _ = File.OpenRead(path);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "Permission denied";
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    private static string Version =>
        typeof(Herd7Command).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
}

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
/// Like herd7 it prints one result block per test, warns about a test it cannot read and goes on, and exits 0
/// unless <c>-exit true</c> asks it to stop with status 2 at the first such test.
/// </summary>
public static class Herd7Command
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliContext context)
    {
        var o = new Herd7Options();
        var cmd = new Command("herd7", "Run as herd7: accepts herd7's options (-conf, -model, -bell, -macros, -o, -timeout, -exit, ...) and prints herd7's result blocks") { o.Tests };
        foreach (var option in o.All) cmd.Options.Add(option);
        cmd.SetAction(parse => Run(parse, o, stdout, stderr, context));
        return cmd;
    }

    private static int Run(ParseResult parse, Herd7Options o, TextWriter stdout, TextWriter stderr, CliContext context)
    {
        if (parse.GetValue(o.Version))
        {
            stdout.WriteLine($"Litmus {Version}, herd7-compatible entry point");
            return ExitCodes.Success;
        }
        ModelSpec model;
        try
        {
            model = HerdModel.Load(new HerdModel.Choice(parse.GetValue(o.Conf), parse.GetValue(o.Model), parse.GetValue(o.Bell),
                parse.GetValue(o.Macros), parse.GetValue(o.Variant) ?? [], parse.GetValue(o.Include) ?? []));
        }
        catch (LitmusInputException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            return ExitCodes.BadInput;
        }

        IReadOnlyList<string> tests = parse.GetValue(o.Tests) is { Length: > 0 } given ? given : NamesFrom(context.Stdin);
        var graphs = parse.GetValue(o.OutputDir);
        if (graphs is not null && GraphSink.Prepare(graphs) is { } graphError)
        {
            stderr.WriteLine(graphError);
            return ExitCodes.BadInput;
        }
        var options = new CheckOptions
        {
            States = true, Witness = graphs is not null,
            Timeout = parse.GetValue(o.Timeout) is { } s ? TimeSpan.FromSeconds(s) : null,
        };
        var reporter = new HerdReporter(stdout, stderr);
        try
        {
            using var checker = context.CreateChecker(model, options);
            foreach (var test in tests.SelectMany(t => Directory.Exists(t) ? TestFiles.Expand([t]) : [t]))
            {
                var result = checker.CheckFile(test);
                if (graphs is not null) GraphSink.WriteDot(graphs, result);
                reporter.Report(result, Expectations.Judge(result));
                stdout.Flush();
                if (result.IsError && parse.GetValue(o.Exit)) return ExitCodes.BadInput;
            }
        }
        catch (SolverUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        return ExitCodes.Success;
    }

    /// <summary>herd reads test names from stdin, one per line, when the command line gives none.</summary>
    private static List<string> NamesFrom(TextReader stdin)
    {
        var names = new List<string>();
        while (stdin.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } name && !name.StartsWith('#')) names.Add(name);
        return names;
    }

    private static string Version =>
        typeof(Herd7Command).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
}

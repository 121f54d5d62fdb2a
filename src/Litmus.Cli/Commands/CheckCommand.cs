using System.CommandLine;
using Litmus.Checking;
using Litmus.Cli.Output;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary><c>litmus check PATHS...</c>: decides each test and reports one line (or herd's block) per test.</summary>
public static class CheckCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Litmus test files, or folders searched recursively for *.litmus",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output: text (one line per test) or herd (herd7's result block)",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<bool> States = new("--states") { Description = "List the reachable final states" };
    private static readonly Option<bool> Witness = new("--witness") { Description = "Describe an execution that reaches the condition's outcome" };
    private static readonly Option<bool> Expect = new("--expect") { Description = "Fail (exit 1) when a verdict differs from the test's own Result: line" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        Format.AcceptOnlyFromAmong("text", "herd");
        var cmd = new Command("check", "Decide whether each test's condition is reachable: Never, Sometimes or Always")
        {
            Paths, CommonOptions.Model, CommonOptions.Bell, CommonOptions.Macros, Format, States, Witness, Expect, CommonOptions.Timeout,
        };
        cmd.SetAction(parse => Run(parse, stdout, stderr));
        return cmd;
    }

    private static int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var herd = parse.GetValue(Format) == "herd";
        var options = new CheckOptions
        {
            States = parse.GetValue(States) || herd,
            Witness = parse.GetValue(Witness),
            Timeout = parse.GetValue(CommonOptions.Timeout) is { } s ? TimeSpan.FromSeconds(s) : null,
        };
        ModelSpec model;
        List<string> files;
        try
        {
            model = ModelLoader.Load(parse.GetValue(CommonOptions.Model)!, parse.GetValue(CommonOptions.Bell), parse.GetValue(CommonOptions.Macros));
            files = TestFiles.Expand(parse.GetValue(Paths)!);
        }
        catch (LitmusInputException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            return ExitCodes.BadInput;
        }

        IReporter reporter = herd ? new HerdReporter(stdout, stderr) : new TextReporter(stdout, stderr, model.Name);
        var summary = new RunSummary();
        try
        {
            using var checker = LitmusChecker.Create(model, options);
            foreach (var file in files)
            {
                var result = checker.CheckFile(file);
                var judgement = Expectations.Judge(result);
                summary.Add(result, judgement);
                reporter.Report(result, judgement);
            }
        }
        catch (SolverUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        reporter.Finish(summary);
        if (summary.Errors > 0) return ExitCodes.BadInput;
        if (summary.Undecided > 0) return ExitCodes.Undecided;
        if (parse.GetValue(Expect) && summary.Mismatched > 0) return ExitCodes.ExpectationFailed;
        return ExitCodes.Success;
    }
}

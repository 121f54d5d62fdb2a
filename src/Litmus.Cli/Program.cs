using System.CommandLine;
using Litmus.Cli.Commands;

namespace Litmus.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // The kernel's scripts start one process per test, which allocates tens of MB (mostly parsing the model
        // files) and exits: without this, the GC ran several collections in it, 11% of its CPU time (perf, native
        // binary, one small test under linux-kernel.cfg). A longer run outgrows the budget, which ends the
        // no-collection region with an ordinary collection, and goes on as usual.
        try { GC.TryStartNoGCRegion(NoCollectionBudget); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException) { }
        return Checking.CheckerThread.Run(() => Run(args, Console.Out, Console.Error, CliContext.FromConsole()));
    }

    /// <summary>Bytes a process may allocate before its first collection.</summary>
    private const long NoCollectionBudget = 64L << 20;

    /// <summary>The whole command line; separated from <see cref="Main"/> so tests can run it in-process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliContext? context = null)
    {
        context ??= new CliContext();
        // herd7's command line is read as herd reads it (whole tokens, -key value), not by System.CommandLine.
        if (args is ["herd7", .. var herdArgs]) return Herd7Command.Run(herdArgs, stdout, stderr, context);
        var root = new RootCommand("Litmus: checks C litmus tests against memory models (Linux-kernel, SC, TSO) with an SMT solver.")
        {
            CheckCommand.Create(stdout, stderr, context),
            ConformanceCommand.Create(stdout, stderr),
            TableCommand.Create(stdout, stderr),
            BarriersCommand.Create(stdout, stderr),
            Herd7Command.Create(),
            RunCommand.Create(stdout, stderr, context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"litmus: {e.Message}");
            stderr.WriteLine("Run 'litmus --help' for usage.");
            return ExitCodes.BadInput;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(config);
    }
}

/// <summary>Exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ExpectationFailed = 1;
    public const int BadInput = 2;
    public const int Undecided = 3;

    /// <summary>The exit code of a run: bad input outranks an undecided test, which outranks a failed expectation.</summary>
    public static int Of(int errors, int undecided, int failures) =>
        errors > 0 ? BadInput : undecided > 0 ? Undecided : failures > 0 ? ExpectationFailed : Success;
}

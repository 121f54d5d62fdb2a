using Litmus.Checking;
using Litmus.Models;

namespace Litmus.Cli;

/// <summary>
/// What a command takes from the process around it, gathered in one place so tests can run the command line
/// in-process with their own folder, environment, terminal and solver.
/// </summary>
public sealed record CliContext
{
    /// <summary>Paths in baselines and reports are relative to this folder.</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Whether standard error is a terminal someone watches (a progress line is shown only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where herd7 mode reads test names from when none are given, as herd does.</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Makes the checker of one worker; a test double can stand in for the solver.</summary>
    public Func<ModelSpec, CheckOptions, LitmusChecker> CreateChecker { get; init; } = LitmusChecker.Create;

    /// <summary>The real process: its folder, its environment, and whether stderr is a terminal.</summary>
    public static CliContext FromConsole() => new() { ErrorIsTerminal = !Console.IsErrorRedirected, Stdin = Console.In };

    /// <summary>A progress line helps a person at a terminal; in CI logs it is only noise.</summary>
    public bool ShowsProgress => ErrorIsTerminal && string.IsNullOrEmpty(GetEnvironmentVariable("CI"));
}

namespace Litmus.Smt;

/// <summary>The solver's native library cannot be loaded. The message is meant to be printed as is by the CLI.</summary>
public sealed class SolverUnavailableException(string message) : Exception(message)
{
    public const string InstallHint = "libz3 not found: install it with 'apt-get install -y libz3-4'";

    /// <summary>The install hint on one line, then the loader's reason (first line only) on a second.</summary>
    public static string MissingLibraryMessage(string? reason)
    {
        var firstLine = reason?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(firstLine) ? InstallHint : $"{InstallHint}\n{firstLine}";
    }
}

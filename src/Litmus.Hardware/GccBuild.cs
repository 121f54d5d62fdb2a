using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Litmus.Hardware;

/// <summary>
/// Builds harnesses with gcc, cached by content: the executable of a source and its options lives in
/// <c>$TMPDIR/litmus-run/HASH/harness</c>, so a test run again (or by another job) is not rebuilt.
/// </summary>
public sealed class GccBuild(string? cacheRoot = null)
{
    public string CacheRoot { get; } = cacheRoot ?? Path.Combine(Path.GetTempPath(), "litmus-run");

    /// <summary>Whether gcc can be started here (the end-to-end tests skip without it).</summary>
    public static bool GccAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d != "" && File.Exists(Path.Combine(d, "gcc")));

    /// <summary>The path of the built executable.</summary>
    /// <exception cref="HarnessException">gcc is missing or rejects the source (its first lines say why).</exception>
    public string Build(HarnessSource source)
    {
        var hash = Hash(source);
        var dir = Path.Combine(CacheRoot, hash);
        var exe = Path.Combine(dir, "harness");
        if (File.Exists(exe)) return exe;
        if (!GccAvailable()) throw new HarnessException("gcc is not installed: apt-get install -y gcc");
        Directory.CreateDirectory(dir);
        var c = Path.Combine(dir, "harness.c");
        File.WriteAllText(c, source.Code);
        var tmp = Path.Combine(dir, $"harness.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        var psi = new ProcessStartInfo("gcc") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-o", tmp, c }.Concat(source.GccArguments)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new HarnessException("cannot start gcc");
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            var why = stderr.Result;
            if (source.UsesRcu && why.Contains("urcu", StringComparison.Ordinal))
                throw new HarnessException("liburcu's memb flavour is missing (apt-get install -y liburcu-dev): " + FirstLines(why));
            throw new HarnessException($"gcc rejected the harness ({c}): {FirstLines(why)}");
        }
        File.Move(tmp, exe, overwrite: true);
        return exe;
    }

    public static string Hash(HarnessSource source)
    {
        var text = source.Code + "\n/* gcc " + string.Join(' ', source.GccArguments) + " */\n";
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..24];
    }

    private static string FirstLines(string text) =>
        string.Join(" | ", text.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(3).DefaultIfEmpty(text.Trim()));
}

/// <summary>The harness could not be built or run (gcc missing, a refused registration, a time limit).</summary>
public sealed class HarnessException(string message) : Exception(message);

using System.Diagnostics;
using Litmus.Cli.Batch;

namespace Litmus.Cli.Output;

/// <summary>
/// <c>--graph DIR</c>: writes each reaching execution as DIR/NAME.dot, and DIR/NAME.svg when Graphviz's
/// <c>dot</c> is installed (Debian package graphviz).
/// </summary>
public sealed class GraphSink(string dir, TextWriter stderr) : IResultSink
{
    private bool _dotMissing;

    /// <summary>Creates the folder before any test runs; returns a one-line error when it cannot be made.</summary>
    public static string? Prepare(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"litmus: cannot write graphs to '{dir}': {e.Message}";
        }
    }

    public void Add(TestOutcome outcome)
    {
        if (WriteDot(dir, outcome.Result) is { } dotFile && !_dotMissing)
            Render(dotFile, Path.ChangeExtension(dotFile, ".svg"));
    }

    /// <summary>Writes DIR/NAME.dot when the result has a drawn witness; returns the file, or null.</summary>
    public static string? WriteDot(string dir, Checking.TestResult result)
    {
        if (result.Witness is not { } witness) return null;
        Directory.CreateDirectory(dir);
        var name = string.Concat(result.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var dotFile = Path.Combine(dir, name + ".dot");
        File.WriteAllText(dotFile, WitnessDot.Render(witness));
        return dotFile;
    }

    private void Render(string dotFile, string svgFile)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("dot", ["-Tsvg", "-o", svgFile, dotFile])
            { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _dotMissing = true;
            stderr.WriteLine("litmus: Graphviz 'dot' not found, writing .dot files only (apt-get install -y graphviz for SVG)");
        }
    }

    public void Finish(RunEnd end) { }
}

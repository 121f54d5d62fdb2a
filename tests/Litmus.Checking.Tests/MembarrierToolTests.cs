using System.Diagnostics;
using System.Text.RegularExpressions;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>A theory that needs python3 on PATH (litmus/membarrier/tools/desugar.py); skipped, saying so, elsewhere.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (MembarrierToolTests.Python is null) Skip = "needs python3 on PATH to run litmus/membarrier/tools";
    }
}

/// <summary>
/// The evidence committed beside the membarrier tests stays what its tool makes of it: every X.desugared/ folder
/// is what tools/desugar.py writes today from X.litmus (ExpectFileTests checks its tables against the .expect files). The check regenerates rather than hard-codes, so a change to
/// desugar.py fails here until the folders are regenerated (litmus/membarrier/README.md says how).
/// </summary>
public class MembarrierToolTests
{
    internal static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);

    private static string Tools => Path.Combine(RepoPaths.Membarrier, "tools");

    [PythonTheory]
    [MemberData(nameof(DesugaredPairTests.Pairs), MemberType = typeof(DesugaredPairTests))]
    public void The_desugared_folder_is_what_desugar_py_writes(string name)
    {
        var test = Path.Combine(RepoPaths.Membarrier, name + ".litmus");
        var committed = Path.Combine(RepoPaths.Membarrier, name + ".desugared");
        var fresh = Directory.CreateTempSubdirectory("litmus-desugar-").FullName;
        try
        {
            var (exit, output) = RunPython(Path.Combine(Tools, "desugar.py"), test, "--out", fresh);
            Assert.True(exit == 0, output);
            var made = Directory.GetFiles(fresh, "*.litmus").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(made);
            var files = Directory.GetFiles(committed, "*.litmus").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                // Only the table is committed (desugar.py --tables-only, for thousands of placements): it must
                // list exactly the placements desugar.py makes.
                var listed = TsvRow.Read(Path.Combine(committed, "verdicts.tsv"))
                    .Select(r => r.Fields[0]).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(made, listed);
                return;
            }
            Assert.Equal(made, files);
            // Two differences are expected: the committed files carry their checked verdict where desugar.py
            // writes "Result: ?" (--run fills it in), and they name their source relative to their own folder.
            var sourceHere = Path.GetRelativePath(fresh, test);
            var sourceThere = Path.GetRelativePath(committed, test);
            foreach (var file in files)
            {
                var expected = File.ReadAllText(Path.Combine(fresh, file)).Replace(sourceHere, sourceThere);
                var actual = Regex.Replace(File.ReadAllText(Path.Combine(committed, file)), @"^ \* Result: .*$", " * Result: ?", RegexOptions.Multiline);
                Assert.True(expected == actual, $"{name}.desugared/{file} differs from what desugar.py writes now: regenerate it");
            }
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    private static (int Exit, string Output) RunPython(params string[] args)
    {
        var start = new ProcessStartInfo(Python!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
}

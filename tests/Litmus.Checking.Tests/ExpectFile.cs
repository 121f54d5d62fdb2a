namespace Litmus.Checking.Tests;

/// <summary>One line of an <c>X.expect</c> file: the test's verdict under a model.</summary>
public sealed record ExpectLine(string Model, string Verdict);

/// <summary>
/// The one reader of <c>X.expect</c> files, the expected verdicts of the bundled test <c>X.litmus</c> (format:
/// litmus/tests/README.md). Each line is <c>&lt;model&gt; &lt;Verdict&gt;</c>, the model as <c>litmus check
/// --model</c> takes it (or <c>herd-NAME</c>, herd's own NAME.cat, see HerdLibraryTests) and the verdict Never,
/// Sometimes or Always; or it is <c>diagnostic EPERM</c>: the test must be reported for a membarrier command used
/// without registration. Which models a folder's files name, and in which order, is checked by ExpectFileTests.
/// </summary>
public sealed record ExpectFile(string Path, IReadOnlyList<ExpectLine> Lines, bool DiagnosticEperm)
{
    public static readonly string[] Verdicts = ["Never", "Sometimes", "Always"];

    /// <summary>The folders of bundled tests that have .expect files.</summary>
    public static string[] Folders => [RepoPaths.LitmusTests, RepoPaths.Membarrier, RepoPaths.C11];

    /// <summary>Reads a file; a line of any other form is an error that names the file and line.</summary>
    public static ExpectFile Read(string path)
    {
        var lines = new List<ExpectLine>();
        var diagnostic = false;
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.Trim().Length == 0) continue;
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is ["diagnostic", "EPERM"]) diagnostic = true;
            else if (words.Length == 2 && Verdicts.Contains(words[1]) && lines.All(l => l.Model != words[0])) lines.Add(new ExpectLine(words[0], words[1]));
            else throw new InvalidDataException($"{path}:{number}: '{text}' is not '<model> Never|Sometimes|Always' (each model once) or 'diagnostic EPERM'");
        }
        return new ExpectFile(path, lines, diagnostic);
    }

    /// <summary>Every .expect file of the bundled tests, in a fixed order.</summary>
    public static IEnumerable<ExpectFile> All() =>
        Folders.SelectMany(f => Directory.EnumerateFiles(f, "*.expect", SearchOption.AllDirectories).Order(StringComparer.Ordinal)).Select(Read);

    /// <summary>The test the file is about.</summary>
    public string Test => System.IO.Path.ChangeExtension(Path, ".litmus");

    /// <summary>The expected verdict under <paramref name="model"/>, or null when the file has no line for it.</summary>
    public string? VerdictUnder(string model) => Lines.FirstOrDefault(l => l.Model == model)?.Verdict;
}

using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>Turns the paths given on the command line into test files, in the order given, folders recursively and sorted.</summary>
public static class TestFiles
{
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p, "*.litmus", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(p))
                files.Add(p);
            else
                throw new LitmusInputException(SourceSpan.At(p, 1, 1), "no such file or folder");
        }
        return files;
    }
}

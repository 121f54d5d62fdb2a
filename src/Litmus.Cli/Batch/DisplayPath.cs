namespace Litmus.Cli.Batch;

/// <summary>
/// How a test's path is written in baselines, reports and annotations: relative to the folder the run started
/// in, with '/' separators, so the same checkout gives the same text on every machine.
/// </summary>
public static class DisplayPath
{
    public static string Of(string path, string currentDirectory) =>
        Path.GetRelativePath(currentDirectory, Path.GetFullPath(path, currentDirectory)).Replace('\\', '/');

    /// <summary>A diagnostic's file the same way; a pseudo-file such as <c>&lt;command line&gt;</c> stays as it is.</summary>
    public static string OfSource(string file, string currentDirectory) =>
        File.Exists(Path.GetFullPath(file, currentDirectory)) ? Of(file, currentDirectory) : file;

    /// <summary>A test's folder as a JUnit class name: <c>litmus/tests/sb</c> becomes <c>litmus.tests.sb</c>.</summary>
    public static string ClassName(string displayPath)
    {
        var parts = displayPath.Split('/')[..^1].Where(p => p is not ("" or "." or "..")).ToArray();
        return parts.Length == 0 ? "litmus" : string.Join('.', parts);
    }
}

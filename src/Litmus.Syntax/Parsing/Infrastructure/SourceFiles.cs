namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>Reads input files, turning I/O failures into diagnostics.</summary>
internal static class SourceFiles
{
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new LitmusInputException(SourceSpan.At(path, 1, 1), $"cannot read {path}: {reason}");
        }
    }
}

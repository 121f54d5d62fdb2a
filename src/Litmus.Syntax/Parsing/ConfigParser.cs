using Litmus.Syntax.Ast;
using Litmus.Syntax.Parsing.Infrastructure;

namespace Litmus.Syntax;

/// <summary>
/// Parses herd .cfg presets: one <c>key value</c> setting per line (the value is the rest of
/// the line), blank lines, and lines starting with <c>#</c> or <c>//</c> as comments.
/// A format this small needs no grammar.
/// </summary>
public static class ConfigParser
{
    /// <exception cref="LitmusInputException">A line has a key but no value.</exception>
    public static ConfigFile Parse(string text, string path) => ParseGuard.Run(path, () =>
    {
        var entries = new List<ConfigEntry>();
        var diagnostics = new DiagnosticBag();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var keyStart = IndexOfNonBlank(line, 0);
            if (keyStart < 0) continue;
            var rest = line.AsSpan(keyStart);
            if (rest.StartsWith("#") || rest.StartsWith("//")) continue;

            var lineNumber = i + 1;
            var keyEnd = IndexOfBlank(line, keyStart);
            var key = line[keyStart..keyEnd];
            var valueStart = IndexOfNonBlank(line, keyEnd);
            if (valueStart < 0)
            {
                diagnostics.Error(new SourceSpan(path, lineNumber, keyStart + 1, lineNumber, keyEnd),
                    $"expected a value after '{key}': settings are written 'key value', as in 'model linux-kernel.cat'");
                continue;
            }
            var value = line[valueStart..].TrimEnd();
            var span = new SourceSpan(path, lineNumber, keyStart + 1, lineNumber, valueStart + value.Length);
            entries.Add(new ConfigEntry(key, value, span));
        }
        diagnostics.ThrowIfAny();
        return new ConfigFile(path, entries);
    });

    public static ConfigFile ParseFile(string path) => Parse(SourceFiles.Read(path), path);

    private static int IndexOfNonBlank(string line, int from)
    {
        for (var i = from; i < line.Length; i++)
            if (line[i] is not (' ' or '\t')) return i;
        return -1;
    }

    private static int IndexOfBlank(string line, int from)
    {
        for (var i = from; i < line.Length; i++)
            if (line[i] is ' ' or '\t') return i;
        return line.Length;
    }
}

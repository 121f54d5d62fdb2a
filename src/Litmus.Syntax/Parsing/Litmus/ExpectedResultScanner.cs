using System.Text.RegularExpressions;
using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Finds a test's own expectation the way the kernel's scripts do: textually, on the first
/// line matching <c>^[( ]\* Result: </c>, whose third word is the verdict. It lives in a
/// comment, so the grammar never sees it.
/// </summary>
internal static partial class ExpectedResultScanner
{
    [GeneratedRegex(@"^[( ]\* Result: ")]
    private static partial Regex ResultLine();

    public static ExpectedResult? Scan(string text, string path)
    {
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (!ResultLine().IsMatch(line)) continue;
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3) return null;
            var dataRace = words.Skip(3).Contains("DATARACE");
            var span = new SourceSpan(path, lineNumber, 1, lineNumber, Math.Max(1, line.Length));
            return new ExpectedResult(words[2], dataRace, line, span);
        }
        return null;
    }
}

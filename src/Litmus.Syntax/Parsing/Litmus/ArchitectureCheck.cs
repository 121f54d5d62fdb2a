namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Reads the architecture word that starts a litmus file before any parsing: herd's other
/// front ends (LISA, PPC, AArch64, ...) are out of scope, and parsing their code as C would
/// only bury the real reason under a heap of syntax errors.
/// </summary>
internal static class ArchitectureCheck
{
    public static void EnsureC(string text, string path)
    {
        var (line, column, index) = (1, 1, 0);
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            if (text[index] == '\n') { line++; column = 1; } else column++;
            index++;
        }
        if (index == text.Length)
            throw new LitmusInputException(SourceSpan.At(path, line, column),
                "empty file: a litmus test starts with a line such as 'C MP+poonceonces'");

        var end = index;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) end++;
        var arch = text[index..end];
        var span = new SourceSpan(path, line, column, line, column + Math.Max(arch.Length, 1) - 1);
        if (arch.Length == 0)
            throw new LitmusInputException(span,
                "expected the test header, a line such as 'C MP+poonceonces', at the start of the file");
        if (arch != "C")
            throw new LitmusInputException(span,
                $"only C litmus tests are supported, and this is a '{arch}' test: herd's other front ends are out of scope");
    }
}

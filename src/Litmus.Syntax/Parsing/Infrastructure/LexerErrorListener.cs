using Antlr4.Runtime;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// Records lexer errors as diagnostics instead of printing them. The grammars end every
/// lexer mode with a catch-all token, so this is a safety net rather than the normal path.
/// </summary>
internal sealed class LexerErrorListener(SpanFactory spans, DiagnosticBag diagnostics) : IAntlrErrorListener<int>
{
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line,
        int charPositionInLine, string msg, RecognitionException e)
    {
        var text = recognizer is Lexer { InputStream: ICharStream chars } lexer ? chars.GetText(
            Antlr4.Runtime.Misc.Interval.Of(lexer.TokenStartCharIndex, lexer.InputStream.Index)) : "";
        var shown = string.IsNullOrEmpty(text) ? "input" : $"'{text}'";
        diagnostics.Error(spans.At(line, charPositionInLine + 1), $"unexpected {shown}");
    }
}

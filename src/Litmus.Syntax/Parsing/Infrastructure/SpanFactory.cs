using Antlr4.Runtime;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// Turns ANTLR token positions (1-based line, 0-based column) into <see cref="SourceSpan"/>s
/// (1-based line and column, as editors show them). The end of a span is the position of its
/// last character, so a one-character token starts and ends on the same column.
/// </summary>
internal sealed class SpanFactory(string path)
{
    public string Path { get; } = path;

    public SourceSpan Of(IToken token)
    {
        var (endLine, endColumn) = EndOf(token);
        return new SourceSpan(Path, token.Line, token.Column + 1, endLine, endColumn);
    }

    public SourceSpan Of(ParserRuleContext context)
    {
        var start = context.Start;
        var stop = context.Stop;
        // A rule that matched nothing has its stop token before its start token.
        if (stop is null || stop.TokenIndex < start.TokenIndex) return Of(start);
        return Between(start, stop);
    }

    public SourceSpan Between(IToken start, IToken stop)
    {
        var (endLine, endColumn) = EndOf(stop);
        return new SourceSpan(Path, start.Line, start.Column + 1, endLine, endColumn);
    }

    /// <summary>The point just after a token: where a missing ';' or ')' belongs.</summary>
    public SourceSpan After(IToken token)
    {
        var (endLine, endColumn) = EndOf(token);
        return SourceSpan.At(Path, endLine, endColumn + 1);
    }

    public SourceSpan At(int line, int column) => SourceSpan.At(Path, line, column);

    private static (int Line, int Column) EndOf(IToken token)
    {
        var length = token.Type == TokenConstants.EOF ? 0 : token.StopIndex - token.StartIndex + 1;
        var text = token.Text ?? "";
        if (token.Type != TokenConstants.EOF && text.Length == length && text.Contains('\n'))
        {
            var lastBreak = text.LastIndexOf('\n');
            var lines = text.Count(c => c == '\n');
            return (token.Line + lines, Math.Max(1, text.Length - lastBreak - 1));
        }
        return (token.Line, token.Column + Math.Max(1, length));
    }
}

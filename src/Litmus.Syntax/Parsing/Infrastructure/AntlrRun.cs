using Antlr4.Runtime;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// Wires a generated lexer and parser for one file: no console listeners, readable
/// diagnostics, and a <see cref="LitmusInputException"/> rather than a parse tree when the
/// file has syntax errors.
/// </summary>
internal static class AntlrRun
{
    public static TTree Parse<TParser, TTree>(
        Lexer lexer,
        Func<ITokenStream, TParser> createParser,
        Func<TParser, TTree> startRule,
        GrammarDescription grammar,
        SpanFactory spans,
        Func<RuleContext?, string?>? enclosing = null,
        Func<Parser, IToken, string?>? hint = null)
        where TParser : Parser
    {
        var diagnostics = new DiagnosticBag();
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new LexerErrorListener(spans, diagnostics));
        var tokens = new CommonTokenStream(lexer);
        var parser = createParser(tokens);
        parser.RemoveErrorListeners();
        parser.ErrorHandler = new ReadableErrorStrategy(grammar, spans, diagnostics, enclosing, hint);
        var tree = startRule(parser);
        diagnostics.ThrowIfAny();
        return tree;
    }
}

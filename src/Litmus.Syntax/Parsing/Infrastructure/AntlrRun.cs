using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// Wires a generated lexer and parser for one file: no console listeners, readable
/// diagnostics, and a <see cref="LitmusInputException"/> rather than a parse tree when the
/// file has syntax errors.
/// </summary>
/// <remarks>
/// Parsing runs in ANTLR's two stages: first with SLL prediction, which bails out at the first syntax error, and
/// only if that fails again with full LL prediction and the readable error strategy. A process that checks one
/// test (the kernel's scripts start one per test) parses the whole model with a cold prediction cache, and full
/// LL prediction there was most of its time: with SLL first, a native run of one small test under the kernel's
/// model went from about 60 to about 35 ms CPU (see docs/performance.md). SLL accepts exactly the valid inputs
/// of these grammars on which it succeeds with the same tree; where it cannot decide it fails and LL decides.
/// </remarks>
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

        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            var fast = startRule(parser);
            diagnostics.ThrowIfAny();
            return fast;
        }
        catch (ParseCanceledException)
        {
            // A syntax error, or a decision SLL cannot make: parse again in full, reporting every error.
        }

        // The lexer's errors are already in the bag: its tokens are buffered and not lexed again.
        tokens.Seek(0);
        parser.Reset();
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        parser.ErrorHandler = new ReadableErrorStrategy(grammar, spans, diagnostics, enclosing, hint);
        var tree = startRule(parser);
        diagnostics.ThrowIfAny();
        return tree;
    }
}

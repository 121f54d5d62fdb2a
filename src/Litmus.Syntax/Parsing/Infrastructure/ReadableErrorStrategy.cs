using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// ANTLR's error recovery, with messages a user can act on ("expected ';' after statement")
/// instead of ANTLR's ("mismatched input 'x' expecting {...}"), recorded in a
/// <see cref="DiagnosticBag"/> with exact positions. Recovery itself is ANTLR's, so several
/// errors of one file can be reported together.
/// </summary>
/// <param name="enclosing">Names the enclosing unit of a context ("thread P1"), added to messages.</param>
/// <param name="hint">A grammar's own guess at the cause of an unexpected token, if it has one.</param>
internal sealed class ReadableErrorStrategy(
    GrammarDescription grammar,
    SpanFactory spans,
    DiagnosticBag diagnostics,
    Func<RuleContext?, string?>? enclosing = null,
    Func<Parser, IToken, string?>? hint = null) : DefaultErrorStrategy
{
    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
        => ReportUnexpected(recognizer, e.OffendingToken, ExpectedAt(recognizer, e));

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e)
        => ReportUnexpected(recognizer, e.OffendingToken, ExpectedAt(recognizer, e));

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e)
        => ReportUnexpected(recognizer, e.OffendingToken, []);

    // An extra token, which ANTLR will skip.
    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        ReportUnexpected(recognizer, recognizer.CurrentToken, recognizer.GetExpectedTokens().ToList());
    }

    // A missing token, which ANTLR will pretend was there.
    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var expected = grammar.DescribeExpected(recognizer.GetExpectedTokens().ToList()) ?? "another token";
        ReportMissing(recognizer, recognizer.CurrentToken, expected);
    }

    private void ReportUnexpected(Parser recognizer, IToken token, ICollection<int> expected)
    {
        // "x = 1 <newline> y = 2": the fix is a ';' at the end of the first line, so say that there.
        if (grammar.Terminator is { } terminator && expected.Contains(terminator)
            && token.Type != TokenConstants.EOF
            && Previous(recognizer) is { } previous && token.Line > previous.Line
            && previous.Type != terminator && !grammar.Closers.Contains(previous.Type)
            && grammar.IsTerminatedConstruct(recognizer.Context))
        {
            ReportMissing(recognizer, token, grammar.TokenPhrase(terminator));
            return;
        }

        var message = $"unexpected {grammar.Describe(token)}";
        if (grammar.ContextPhrase(recognizer.Context) is { } where) message += $" in {where}";
        message += Enclosing(recognizer);
        var guess = hint?.Invoke(recognizer, token);
        if (guess is not null)
            message += $": {guess}";
        else if (token.Type == TokenConstants.EOF && expected.FirstOrDefault(grammar.Closers.Contains) is var closer and > 0)
            message += $": missing {grammar.TokenPhrase(closer)}?";
        else if ((grammar.DescribeExpected(expected) ?? grammar.FallbackExpectation(recognizer.Context)) is { } list)
            message += $"; expected {list}";
        diagnostics.Error(spans.Of(token), message);
        // A guessed structural cause (an unclosed brace) explains the errors that would follow.
        if (guess is not null) diagnostics.Seal();
    }

    // Point just after the previous token, where the user has to type the missing one.
    private void ReportMissing(Parser recognizer, IToken current, string expected)
    {
        var where = grammar.ContextPhrase(recognizer.Context);
        if (Previous(recognizer) is { } previous)
        {
            var after = where is null ? $"'{previous.Text}'" : where;
            diagnostics.Error(spans.After(previous), $"expected {expected} after {after}{Enclosing(recognizer)}");
        }
        else
        {
            diagnostics.Error(spans.Of(current), $"expected {expected} before {grammar.Describe(current)}{Enclosing(recognizer)}");
        }
    }

    private string Enclosing(Parser recognizer)
        => enclosing?.Invoke(recognizer.Context) is { } unit ? $" ({unit})" : "";

    private static IToken? Previous(Parser recognizer)
    {
        var token = ((ITokenStream)recognizer.InputStream).LT(-1);
        return token is null || token.Type == TokenConstants.EOF ? null : token;
    }

    private static ICollection<int> ExpectedAt(Parser recognizer, RecognitionException e)
    {
        IntervalSet? set = null;
        try { set = e.GetExpectedTokens(); } catch (Exception) { /* no ATN state recorded */ }
        if (set is null || set.IsNil)
        {
            try { set = recognizer.GetExpectedTokens(); } catch (Exception) { return []; }
        }
        return set.ToList();
    }
}

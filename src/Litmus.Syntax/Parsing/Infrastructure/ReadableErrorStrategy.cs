using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// ANTLR's error recovery, with messages a user can act on ("expected ';' after statement")
/// instead of ANTLR's ("mismatched input 'x' expecting {...}"), recorded in a
/// <see cref="DiagnosticBag"/> with exact positions. Recovery itself is ANTLR's, so several
/// errors of one file can be reported together.
/// </summary>
internal sealed class ReadableErrorStrategy(
    GrammarDescription grammar,
    SpanFactory spans,
    DiagnosticBag diagnostics,
    Func<RuleContext?, string?>? extraContext = null) : DefaultErrorStrategy
{
    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
    {
        var token = e.OffendingToken;
        var expected = grammar.DescribeExpected(ExpectedAt(recognizer, e));
        Report(token, Unexpected(token, recognizer.Context) + (expected is null ? "" : $"; expected {expected}"));
    }

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e)
    {
        var token = e.OffendingToken;
        var expected = grammar.DescribeExpected(ExpectedAt(recognizer, e));
        Report(token, Unexpected(token, recognizer.Context) + (expected is null ? "" : $"; expected {expected}"));
    }

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e)
        => Report(e.OffendingToken, Unexpected(e.OffendingToken, recognizer.Context));

    // An extra token that ANTLR will skip.
    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var token = recognizer.CurrentToken;
        var expected = grammar.DescribeExpected(recognizer.GetExpectedTokens().ToList());
        Report(token, Unexpected(token, recognizer.Context) + (expected is null ? "" : $"; expected {expected}"));
    }

    // A token is missing and ANTLR will pretend it was there: point just after the previous
    // token, where the user has to type it.
    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var current = recognizer.CurrentToken;
        var expected = grammar.DescribeExpected(recognizer.GetExpectedTokens().ToList()) ?? "another token";
        var previous = ((ITokenStream)recognizer.InputStream).LT(-1);
        var where = Where(recognizer.Context);
        if (previous is not null && previous.Type != TokenConstants.EOF)
        {
            var after = where is null ? $"after '{previous.Text}'" : $"after {where}";
            diagnostics.Error(spans.After(previous), $"expected {expected} {after}");
        }
        else
        {
            diagnostics.Error(spans.Of(current), $"expected {expected} before {grammar.Describe(current)}");
        }
    }

    private static IEnumerable<int> ExpectedAt(Parser recognizer, RecognitionException e)
    {
        IntervalSet? set = null;
        try { set = e.GetExpectedTokens(); } catch (Exception) { /* no ATN state recorded */ }
        if (set is null || set.IsNil)
        {
            try { set = recognizer.GetExpectedTokens(); } catch (Exception) { return []; }
        }
        return set.ToList();
    }

    private string Unexpected(IToken token, RuleContext? context)
    {
        var where = Where(context);
        return where is null ? $"unexpected {grammar.Describe(token)}" : $"unexpected {grammar.Describe(token)} in {where}";
    }

    private string? Where(RuleContext? context)
    {
        var phrase = grammar.ContextPhrase(context);
        var extra = extraContext?.Invoke(context);
        if (phrase is null) return extra;
        return extra is null ? phrase : $"{phrase} {extra}";
    }

    private void Report(IToken token, string message) => diagnostics.Error(spans.Of(token), message);
}

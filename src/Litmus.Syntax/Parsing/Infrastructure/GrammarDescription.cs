using Antlr4.Runtime;

namespace Litmus.Syntax.Parsing.Infrastructure;

/// <summary>
/// What a user should read instead of ANTLR's token and rule names: "a name" rather than
/// IDENT, "statement" rather than exprStmt. One instance per grammar.
/// </summary>
internal sealed class GrammarDescription
{
    public required IVocabulary Vocabulary { get; init; }

    public required string[] RuleNames { get; init; }

    /// <summary>Symbolic token name to the phrase used in messages, for tokens that are not a single literal.</summary>
    public required IReadOnlyDictionary<string, string> TokenPhrases { get; init; }

    /// <summary>Rule name to the phrase naming the construct being parsed ("statement", "init block").</summary>
    public required IReadOnlyDictionary<string, string> RulePhrases { get; init; }

    /// <summary>
    /// Groups of tokens said in one phrase: when all of a group's markers are expected, its
    /// members are summarised ("an expression", "a type") instead of listed one by one.
    /// </summary>
    public IReadOnlyList<TokenGroup> Groups { get; init; } = [];

    /// <summary>Binary and postfix operators: when three or more are expected, they are summarised as "an operator".</summary>
    public IReadOnlySet<int> Operators { get; init; } = new HashSet<int>();

    /// <summary>Closing tokens: at an unexpected end of file, the user is asked whether one is missing.</summary>
    public IReadOnlySet<int> Closers { get; init; } = new HashSet<int>();

    /// <summary>
    /// The statement terminator (';' in C), if the language has one. When it is expected but the
    /// next token is on a later line, the error is reported as a missing terminator at the end of
    /// the previous line, which is where the user has to type it.
    /// </summary>
    public int? Terminator { get; init; }

    /// <summary>Rules whose constructs end with <see cref="Terminator"/> (statements, declarations).</summary>
    public IReadOnlySet<string> TerminatedRules { get; init; } = new HashSet<string>();

    /// <summary>The token type of the catch-all "unexpected character" token.</summary>
    public required int BadCharType { get; init; }

    public string TokenPhrase(int type)
    {
        if (type == TokenConstants.EOF) return "end of file";
        var literal = Vocabulary.GetLiteralName(type);
        // ANTLR escapes backslashes in literal names: the difference operator is stored as '\\'.
        if (literal is not null) return literal.Replace("\\\\", "\\");
        var symbolic = Vocabulary.GetSymbolicName(type);
        if (symbolic is not null && TokenPhrases.TryGetValue(symbolic, out var phrase)) return phrase;
        return symbolic ?? $"token {type}";
    }

    /// <summary>How a token the parser tripped over is shown: its text, quoted.</summary>
    public string Describe(IToken token)
    {
        if (token.Type == TokenConstants.EOF) return "end of file";
        var text = token.Text ?? "";
        if (token.Type == BadCharType) return $"character '{text}'";
        return $"'{text}'";
    }

    /// <summary>"';'", "')' or ','", "a name, a number or '('"; null when the list would be too long to help.</summary>
    public string? DescribeExpected(IEnumerable<int> expectedTypes)
    {
        var types = expectedTypes.ToHashSet();
        var phrases = new List<string>();
        foreach (var group in Groups)
        {
            if (!group.Markers.All(types.Contains)) continue;
            types.ExceptWith(group.Members);
            phrases.Add(group.Phrase);
        }
        if (types.Count(Operators.Contains) >= 3)
        {
            types.ExceptWith(Operators);
            phrases.Add("an operator");
        }
        phrases.AddRange(types.OrderBy(t => t == TokenConstants.EOF ? int.MaxValue : t).Select(TokenPhrase).Distinct());
        if (phrases.Count == 0 || phrases.Count > 6) return null;
        return phrases.Count == 1 ? phrases[0] : string.Join(", ", phrases[..^1]) + " or " + phrases[^1];
    }

    /// <summary>
    /// Rule name to what the parser wants there, said in words, for when the list of expected
    /// tokens is too long to print ("a statement", "the final condition").
    /// </summary>
    public IReadOnlyDictionary<string, string> RuleExpectations { get; init; } = new Dictionary<string, string>();

    public string? FallbackExpectation(RuleContext? context)
        => context is not null && context.RuleIndex >= 0 && context.RuleIndex < RuleNames.Length
            && RuleExpectations.TryGetValue(RuleNames[context.RuleIndex], out var phrase) ? phrase : null;

    public bool IsTerminatedConstruct(RuleContext? context)
        => context is not null && context.RuleIndex >= 0 && context.RuleIndex < RuleNames.Length
            && TerminatedRules.Contains(RuleNames[context.RuleIndex]);

    /// <summary>The construct being parsed at <paramref name="context"/>, e.g. "statement", or null.</summary>
    public string? ContextPhrase(RuleContext? context)
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c.RuleIndex >= 0 && c.RuleIndex < RuleNames.Length
                && RulePhrases.TryGetValue(RuleNames[c.RuleIndex], out var phrase))
                return phrase;
        }
        return null;
    }
}

/// <summary>Tokens that messages name together, e.g. everything that can start an expression.</summary>
/// <param name="Markers">The group is named when all of these are expected.</param>
/// <param name="Members">The tokens the phrase stands for.</param>
internal sealed record TokenGroup(string Phrase, IReadOnlySet<int> Markers, IReadOnlySet<int> Members);

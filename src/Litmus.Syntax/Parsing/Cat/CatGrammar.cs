using Litmus.Syntax.Parsing.Infrastructure;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

/// <summary>User-facing names for the tokens and rules of the cat grammar.</summary>
internal static class CatGrammar
{
    public static readonly GrammarDescription Description = new()
    {
        Vocabulary = P.DefaultVocabulary,
        RuleNames = P.ruleNames,
        BadCharType = P.BAD_CHAR,
        TokenPhrases = new Dictionary<string, string>
        {
            ["IDENT"] = "a name",
            ["TAG"] = "a tag such as 'ONCE",
            ["STRING"] = "a string",
            ["BAD_CHAR"] = "a character",
        },
        RulePhrases = new Dictionary<string, string>
        {
            ["catModel"] = "model",
            ["modelHeader"] = "model title",
            ["statement"] = "statement",
            ["statementList"] = "statement",
            ["checkFlavour"] = "check",
            ["checkKind"] = "check",
            ["binding"] = "let binding",
            ["formals"] = "parameter list",
            ["pattern"] = "parameter list",
            ["expr"] = "expression",
            ["condition"] = "condition of if",
            ["matchClause"] = "match clause",
            ["base"] = "expression",
            ["argument"] = "expression",
            ["simple"] = "expression",
            ["argList"] = "expression list",
        },
        Groups =
        [
            new("an expression",
                Markers: new HashSet<int> { P.IDENT, P.LPAREN, P.LBRACKET },
                Members: new HashSet<int>
                {
                    P.IDENT, P.TAG, P.EMPTY_SET, P.UNDERSCORE, P.LPAREN, P.LBRACE, P.LBRACKET, P.BEGIN, P.TILDE,
                    P.LET, P.FUN, P.TRY, P.IF, P.MATCH,
                }),
        ],
        Closers = new HashSet<int> { P.RPAREN, P.RBRACE, P.RBRACKET, P.END },
        Operators = new HashSet<int>
        {
            P.UNION, P.INTER, P.DIFF, P.SEMI, P.STAR, P.PLUS, P.QUESTION, P.HAT, P.PLUSPLUS, P.COMMA,
        },
        RuleExpectations = new Dictionary<string, string>
        {
            ["catModel"] = "a statement (let, include, acyclic, irreflexive, empty, flag, show, ...)",
            ["statement"] = "a statement (let, include, acyclic, irreflexive, empty, flag, show, ...)",
            ["statementList"] = "a statement or 'end'",
            ["expr"] = "an expression",
            ["base"] = "an expression",
            ["simple"] = "an expression",
        },
    };
}

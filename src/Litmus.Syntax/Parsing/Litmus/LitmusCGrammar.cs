using Litmus.Syntax.Generated;
using Litmus.Syntax.Parsing.Infrastructure;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>User-facing names for the tokens and rules of the litmus C grammar.</summary>
internal static class LitmusCGrammar
{
    public static readonly GrammarDescription Description = new()
    {
        Vocabulary = P.DefaultVocabulary,
        RuleNames = P.ruleNames,
        BadCharType = P.BAD_CHAR,
        TokenPhrases = new Dictionary<string, string>
        {
            ["ARCH"] = "the architecture (C)",
            ["TEST_NAME"] = "the test name",
            ["IDENT"] = "a name",
            ["INT_LIT"] = "a number",
            ["BASE_TYPE"] = "a type",
            ["QUALIFIER"] = "'volatile' or 'const'",
            ["LBRACE"] = "'{'",
            ["BAD_CHAR"] = "a character",
        },
        RulePhrases = new Dictionary<string, string>
        {
            ["header"] = "test header",
            ["initBlock"] = "init block",
            ["initItem"] = "init block",
            ["initTarget"] = "init block",
            ["arraySize"] = "init block",
            ["threadDecl"] = "thread",
            ["parameterList"] = "parameter list",
            ["parameter"] = "parameter list",
            ["postlude"] = "final condition",
            ["scopeTree"] = "scopes clause",
            ["scopeMember"] = "scopes clause",
            ["postludeClause"] = "final section",
            ["finalCondition"] = "final condition",
            ["prop"] = "condition",
            ["operand"] = "condition",
            ["macroFile"] = "macro file",
            ["macroDef"] = "macro definition",
            ["typeSpec"] = "type",
            ["baseType"] = "type",
            ["pointer"] = "type",
            ["typeName"] = "type",
            ["compoundStmt"] = "block",
            ["declaration"] = "declaration",
            ["initDeclarator"] = "declaration",
            ["forPart"] = "statement",
            ["statement"] = "statement",
            ["expr"] = "expression",
            ["primary"] = "expression",
            ["tagList"] = "tag list",
            ["tag"] = "tag list",
            ["argumentList"] = "call arguments",
            ["argument"] = "call arguments",
            ["operatorArg"] = "call arguments",
        },
        ExpressionStarters = new HashSet<int>
        {
            P.IDENT, P.INT_LIT, P.LPAREN, P.MINUS, P.PLUS, P.BANG, P.TILDE, P.STAR, P.AMP,
        },
        ExpressionMarkers = new HashSet<int> { P.IDENT, P.INT_LIT, P.LPAREN, P.BANG },
    };

    /// <summary>"(in thread P1)" for errors inside a thread, so the user finds the right one quickly.</summary>
    public static string? ThreadContext(Antlr4.Runtime.RuleContext? context)
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c is P.ThreadDeclContext thread && thread.IDENT() is { } name)
                return $"of thread {name.GetText()}";
        }
        return null;
    }

    public static LitmusCLexer CreateLexer(string text, bool macroFile)
    {
        var lexer = new LitmusCLexer(new Antlr4.Runtime.AntlrInputStream(text));
        // .def files are nothing but C: start where a thread body would.
        if (macroFile) lexer.Mode(LitmusCLexer.CODE);
        return lexer;
    }
}

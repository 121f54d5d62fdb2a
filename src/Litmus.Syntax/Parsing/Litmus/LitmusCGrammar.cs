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
            // Tokens lexed in two modes (MAIN and CODE) lose their literal name in ANTLR's
            // vocabulary, so they are spelt out here.
            ["RBRACE"] = "'}'", ["IF"] = "'if'", ["ELSE"] = "'else'", ["WHILE"] = "'while'",
            ["FOR"] = "'for'", ["DO"] = "'do'", ["GOTO"] = "'goto'", ["RETURN"] = "'return'",
            ["SWITCH"] = "'switch'", ["BREAK"] = "'break'", ["CONTINUE"] = "'continue'",
            ["STRUCT"] = "'struct'", ["ATOMIC"] = "'_Atomic'", ["LPAREN"] = "'('", ["RPAREN"] = "')'",
            ["LBRACKET"] = "'['", ["RBRACKET"] = "']'", ["SEMI"] = "';'", ["COMMA"] = "','",
            ["COLON"] = "':'", ["QUESTION"] = "'?'", ["ARROW"] = "'->'", ["DOT"] = "'.'", ["INC"] = "'++'",
            ["DEC"] = "'--'", ["EQ"] = "'=='", ["NE"] = "'!='", ["LE"] = "'<='", ["GE"] = "'>='",
            ["SHL"] = "'<<'", ["SHR"] = "'>>'", ["ANDAND"] = "'&&'", ["OROR"] = "'||'",
            ["ADD_ASSIGN"] = "'+='", ["SUB_ASSIGN"] = "'-='", ["MUL_ASSIGN"] = "'*='",
            ["DIV_ASSIGN"] = "'/='", ["MOD_ASSIGN"] = "'%='", ["AND_ASSIGN"] = "'&='",
            ["OR_ASSIGN"] = "'|='", ["XOR_ASSIGN"] = "'^='", ["SHL_ASSIGN"] = "'<<='",
            ["SHR_ASSIGN"] = "'>>='", ["ASSIGN"] = "'='", ["LT"] = "'<'", ["GT"] = "'>'", ["PLUS"] = "'+'",
            ["MINUS"] = "'-'", ["STAR"] = "'*'", ["SLASH"] = "'/'", ["PERCENT"] = "'%'", ["AMP"] = "'&'",
            ["PIPE"] = "'|'", ["CARET"] = "'^'", ["TILDE"] = "'~'", ["BANG"] = "'!'",
        },
        RulePhrases = new Dictionary<string, string>
        {
            ["initBlock"] = "init block",
            ["initItem"] = "init block",
            ["initTarget"] = "init block",
            ["arraySize"] = "init block",
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
        Groups =
        [
            new("an expression",
                Markers: new HashSet<int> { P.IDENT, P.INT_LIT, P.LPAREN, P.BANG },
                Members: new HashSet<int> { P.IDENT, P.INT_LIT, P.LPAREN, P.MINUS, P.PLUS, P.BANG, P.TILDE, P.STAR, P.AMP }),
            new("a type",
                Markers: new HashSet<int> { P.BASE_TYPE, P.STRUCT },
                Members: new HashSet<int> { P.BASE_TYPE, P.STRUCT, P.ATOMIC, P.QUALIFIER }),
        ],
        Closers = new HashSet<int> { P.RBRACE, P.RPAREN, P.RBRACKET },
        Operators = new HashSet<int>
        {
            P.STAR, P.SLASH, P.PERCENT, P.PLUS, P.MINUS, P.SHL, P.SHR, P.LT, P.LE, P.GT, P.GE, P.EQ, P.NE,
            P.AMP, P.CARET, P.PIPE, P.ANDAND, P.OROR, P.QUESTION, P.ASSIGN, P.ADD_ASSIGN, P.SUB_ASSIGN,
            P.MUL_ASSIGN, P.DIV_ASSIGN, P.MOD_ASSIGN, P.AND_ASSIGN, P.OR_ASSIGN, P.XOR_ASSIGN, P.SHL_ASSIGN,
            P.SHR_ASSIGN, P.LBRACKET, P.CONJ, P.DISJ, P.IMPLIES, P.ARROW,
        },
        Terminator = P.SEMI,
        RuleExpectations = new Dictionary<string, string>
        {
            ["litmusTest"] = "a thread such as P0(int *x) { ... }, or the final condition",
            ["postlude"] = "the final condition (exists, ~exists or forall)",
            ["postludeClause"] = "the final condition (exists, ~exists or forall)",
            ["finalCondition"] = "a condition such as (0:r0=1 /\\ x=2)",
            ["prop"] = "a condition such as 0:r0=1",
            ["operand"] = "a register (0:r0), a location (x) or a number",
            ["compoundStmt"] = "a statement or '}'",
            ["statement"] = "a statement",
            ["blockItem"] = "a statement",
            ["expr"] = "an expression",
            ["primary"] = "an expression",
            ["macroFile"] = "a macro definition such as READ_ONCE(X) __load{ONCE}(X)",
        },
        TerminatedRules = new HashSet<string>
        {
            "statement", "declaration", "initDeclarator", "expr", "primary", "initBlock", "initItem", "initTarget", "arraySize",
        },
    };

    /// <summary>"thread P1" for errors inside a thread, so the user finds the right one quickly.</summary>
    public static string? ThreadContext(Antlr4.Runtime.RuleContext? context)
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c is P.ThreadDeclContext thread && thread.IDENT() is { } name)
                return ThreadNames.TryParseThreadName(name.GetText(), out _) ? $"thread {name.GetText()}" : null;
        }
        return null;
    }

    /// <summary>
    /// Guesses at the cause of an unexpected token, for the mistakes a grammar alone reports
    /// badly: an unclosed thread body, a misspelt condition keyword, a type the grammar does
    /// not know.
    /// </summary>
    public static string? Hint(Antlr4.Runtime.Parser parser, Antlr4.Runtime.IToken offending)
        => MissingBraceHint(parser, offending) ?? ThreadNameHint(parser) ?? UnknownTypeHint(parser, offending);

    // A thread body left open swallows the next thread's header, which then fails to parse as
    // C: when a line starting with "Pn(" precedes the error inside a thread, say so.
    private static string? MissingBraceHint(Antlr4.Runtime.Parser parser, Antlr4.Runtime.IToken offending)
    {
        var thread = Ancestor<P.ThreadDeclContext>(parser.Context);
        if (thread?.IDENT() is not { } name) return null;
        var tokens = (Antlr4.Runtime.ITokenStream)parser.InputStream;
        // Only tokens after this thread's own header.
        for (var i = offending.TokenIndex - 1; i > thread.Start.TokenIndex + 1; i--)
        {
            var token = tokens.Get(i);
            if (token.Type == P.IDENT && token.Column == 0 && tokens.Get(i + 1).Type == P.LPAREN
                && ThreadNames.TryParseThreadName(token.Text, out _))
                return $"is the '}}' that ends thread {name.GetText()} missing before {token.Text} on line {token.Line}?";
        }
        return null;
    }

    // "exist (x=1)" after the threads reads as the header of a thread named "exist".
    private static string? ThreadNameHint(Antlr4.Runtime.Parser parser)
    {
        if (Ancestor<P.ThreadDeclContext>(parser.Context)?.IDENT() is not { } name
            || ThreadNames.TryParseThreadName(name.GetText(), out _)) return null;
        return $"'{name.GetText()}' is neither a thread name (P0, P1, ...) nor a keyword of the final section (exists, ~exists, forall, locations, filter, scopes, regions)";
    }

    // "u32 r0;": two names in a row, the first of which is probably a type.
    private static string? UnknownTypeHint(Antlr4.Runtime.Parser parser, Antlr4.Runtime.IToken offending)
    {
        var tokens = (Antlr4.Runtime.ITokenStream)parser.InputStream;
        var previous = offending.TokenIndex > 0 ? tokens.Get(offending.TokenIndex - 1) : null;
        bool expectsType;
        try { expectsType = parser.GetExpectedTokens().Contains(P.BASE_TYPE); }
        catch (Exception) { expectsType = false; } // no ATN state to ask: no guess
        if (offending.Type == P.IDENT && expectsType)
            return $"'{offending.Text}' is not a type litmus tests know; use {KnownTypes}";
        if (offending.Type == P.IDENT && previous?.Type == P.IDENT)
            return $"if '{previous.Text}' is meant as a type, it is not one litmus tests know; use {KnownTypes}";
        return null;
    }

    private const string KnownTypes = "int, long, char, intptr_t, uintptr_t, atomic_t, spinlock_t, struct NAME, ...";

    private static T? Ancestor<T>(Antlr4.Runtime.RuleContext? context) where T : Antlr4.Runtime.RuleContext
    {
        for (var c = context; c is not null; c = c.Parent)
            if (c is T found) return found;
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

using Litmus.Syntax.Parsing.Cat;
using Litmus.Syntax.Parsing.Infrastructure;
using Litmus.Syntax.Parsing.Litmus;

namespace Litmus.Syntax.Tests;

/// <summary>Error messages never show a grammar's internal token names (SEMI, IDENT) to users.</summary>
public class MessageVocabularyTests
{
    // Tokens that are skipped or re-typed in the lexer never reach the parser, so no message names them.
    private static bool ReachesParser(string symbolic)
        => !symbolic.StartsWith("C_", StringComparison.Ordinal) && !symbolic.StartsWith("H_", StringComparison.Ordinal)
           && !symbolic.StartsWith("TN_", StringComparison.Ordinal) && !symbolic.StartsWith("ARCH_", StringComparison.Ordinal)
           && symbolic is not ("WS" or "COMMENT" or "LINE_COMMENT" or "BLOCK_COMMENT" or "OCAML_COMMENT" or "THREAD_BODY_START");

    [Theory]
    [MemberData(nameof(Grammars))]
    public void Every_parser_token_has_a_readable_name(string grammar)
    {
        var description = grammar == "litmus" ? LitmusCGrammar.Description : CatGrammar.Description;
        var vocabulary = description.Vocabulary;
        for (var type = 1; type <= ((Antlr4.Runtime.Vocabulary)vocabulary).getMaxTokenType(); type++)
        {
            var symbolic = vocabulary.GetSymbolicName(type);
            if (symbolic is null || !ReachesParser(symbolic)) continue;
            var phrase = description.TokenPhrase(type);
            Assert.True(phrase != symbolic, $"{grammar}: token {symbolic} has no readable name");
        }
    }

    public static TheoryData<string> Grammars => new() { "litmus", "cat" };

    [Fact]
    public void Backslashes_are_shown_once()
    {
        Assert.Equal("'\\'", CatGrammar.Description.TokenPhrase(Generated.CatParser.DIFF));
        Assert.Equal("'/\\'", LitmusCGrammar.Description.TokenPhrase(Generated.LitmusCParser.CONJ));
    }

    [Fact]
    public void Long_lists_are_summarised()
    {
        var d = LitmusCGrammar.Description;
        Assert.Equal("an expression or ')'", d.DescribeExpected([
            Generated.LitmusCParser.IDENT, Generated.LitmusCParser.INT_LIT, Generated.LitmusCParser.LPAREN,
            Generated.LitmusCParser.BANG, Generated.LitmusCParser.MINUS, Generated.LitmusCParser.RPAREN]));
        Assert.Equal("';'", d.DescribeExpected([Generated.LitmusCParser.SEMI]));
        Assert.Equal("';' or ','", d.DescribeExpected([Generated.LitmusCParser.SEMI, Generated.LitmusCParser.COMMA]));
    }
}

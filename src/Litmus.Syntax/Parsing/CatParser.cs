using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using Litmus.Syntax.Parsing.Cat;
using Litmus.Syntax.Parsing.Infrastructure;
using G = Litmus.Syntax.Generated;

namespace Litmus.Syntax;

/// <summary>Parses herd7's cat language: memory models (.cat) and their bell files (.bell).</summary>
public static class CatParser
{
    /// <exception cref="LitmusInputException">The model is not valid: every diagnostic found, with its position.</exception>
    public static CatModel Parse(string text, string path) => ParseGuard.Run(path, () =>
    {
        var spans = new SpanFactory(path);
        var tree = AntlrRun.Parse(
            new G.CatLexer(new AntlrInputStream(text)),
            tokens => new G.CatParser(tokens),
            parser => parser.catModel(),
            CatGrammar.Description, spans);
        var bc = new CatBuildContext(spans, new DiagnosticBag());
        var statements = new CatStmtBuilder(bc, new CatExprBuilder(bc)).BuildAll(tree.statement());
        bc.Diagnostics.ThrowIfAny();
        return new CatModel(path, Title(tree.modelHeader()), statements)
        {
            Options = tree.modelOption().Select(o => o.GetText()).ToList(),
        };
    });

    public static CatModel ParseFile(string path) => Parse(SourceFiles.Read(path), path);

    // The quoted title if there is one ("Linux-kernel memory consistency model"), else the model's name (Cross).
    private static string? Title(G.CatParser.ModelHeaderContext? header)
    {
        if (header is null) return null;
        if (header.STRING() is { } title) return CatBuildContext.Unquote(title.GetText());
        return header.IDENT(0)?.GetText();
    }
}

using Litmus.Syntax.Ast;
using Litmus.Syntax.Parsing;
using Litmus.Syntax.Parsing.Infrastructure;
using Litmus.Syntax.Parsing.Litmus;
using G = Litmus.Syntax.Generated;

namespace Litmus.Syntax;

/// <summary>Parses herd7 .def macro files (e.g. linux-kernel.def).</summary>
public static class MacroParser
{
    /// <exception cref="LitmusInputException">The file is not valid: every diagnostic found, with its position.</exception>
    public static MacroFile Parse(string text, string path) => ParseGuard.Run(path, () =>
    {
        var spans = new SpanFactory(path);
        var tree = AntlrRun.Parse(
            LitmusCGrammar.CreateLexer(text, macroFile: true),
            tokens => new G.LitmusCParser(tokens),
            parser => parser.macroFile(),
            LitmusCGrammar.Description, spans);
        var bc = new BuildContext(spans, new DiagnosticBag(), MacroFile: true);
        var file = new MacroFileBuilder(bc).Build(tree);
        bc.Diagnostics.ThrowIfAny();
        return file;
    });

    public static MacroFile ParseFile(string path) => Parse(SourceFiles.Read(path), path);
}

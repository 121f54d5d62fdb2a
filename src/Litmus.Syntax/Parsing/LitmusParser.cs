using Litmus.Syntax.Ast;
using Litmus.Syntax.Parsing;
using Litmus.Syntax.Parsing.Infrastructure;
using Litmus.Syntax.Parsing.Litmus;
using G = Litmus.Syntax.Generated;

namespace Litmus.Syntax;

/// <summary>Parses herd7 C litmus tests (Linux-kernel flavour).</summary>
public static class LitmusParser
{
    /// <summary>Parses a litmus test.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="path">The file name used in spans and messages.</param>
    /// <exception cref="LitmusInputException">The test is not valid: every diagnostic found, with its position.</exception>
    public static LitmusTest Parse(string text, string path) => ParseGuard.Run(path, () =>
    {
        text = text.TrimStart('\uFEFF'); // a byte order mark is not part of the test
        ArchitectureCheck.EnsureC(text, path);
        var spans = new SpanFactory(path);
        var tree = AntlrRun.Parse(
            LitmusCGrammar.CreateLexer(text, macroFile: false),
            tokens => new G.LitmusCParser(tokens),
            parser => parser.litmusTest(),
            LitmusCGrammar.Description, spans, LitmusCGrammar.ThreadContext, LitmusCGrammar.Hint);
        var bc = new BuildContext(spans, new DiagnosticBag(), MacroFile: false);
        var test = new LitmusTestBuilder(bc).Build(tree, ExpectedResultScanner.Scan(text, path));
        bc.Diagnostics.ThrowIfAny();
        return test;
    });

    /// <summary>Reads and parses a litmus test file.</summary>
    public static LitmusTest ParseFile(string path) => Parse(SourceFiles.Read(path), path);
}

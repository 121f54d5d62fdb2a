using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>Builds a <see cref="MacroFile"/>: each definition's body is an expression or a block of C.</summary>
internal sealed class MacroFileBuilder(BuildContext bc)
{
    private readonly ExprBuilder _exprs = new(bc);

    public MacroFile Build(P.MacroFileContext context)
        => new(bc.Spans.Path, context.macroDef().Select(BuildMacro).ToList());

    private MacroDef BuildMacro(P.MacroDefContext context)
    {
        // The first name is the macro's, the others its parameters.
        var parameters = context.IDENT().Skip(1).Select(p => p.GetText()).ToList();
        var duplicate = parameters.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            bc.Diagnostics.Error(bc.Spans.Of(context.name), $"macro {context.name.Text} has two parameters named {duplicate.Key}");

        Expr? exprBody = null;
        BlockStmt? blockBody = null;
        if (context.compoundStmt() is { } block) blockBody = new StmtBuilder(bc, _exprs).BuildBlock(block);
        else exprBody = _exprs.Build(context.expr());
        return new MacroDef(context.name.Text, parameters, exprBody, blockBody, bc.Spans.Of(context));
    }
}

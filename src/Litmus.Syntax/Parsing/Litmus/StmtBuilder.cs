using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using Litmus.Syntax.Generated;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Builds C statements: one method per labelled alternative of the grammar's
/// <c>statement</c> rule. Loops and jumps are parsed only to be rejected here with a message
/// that says what to do instead.
/// </summary>
internal sealed partial class StmtBuilder(BuildContext bc, ExprBuilder exprs) : LitmusCParserBaseVisitor<Stmt>
{
    public BlockStmt BuildBlock(P.CompoundStmtContext context)
        => new(context.blockItem().SelectMany(BuildBlockItem).ToList(), Span(context));

    /// <summary>A declaration of several names (<c>int r0, r1 = 2;</c>) gives one statement per name.</summary>
    public IEnumerable<Stmt> BuildBlockItem(P.BlockItemContext context)
        => context.declaration() is { } declaration ? BuildDeclaration(declaration) : [Visit(context.statement())];

    public IEnumerable<DeclStmt> BuildDeclaration(P.DeclarationContext context)
        => context.initDeclarator().Select(d => BuildDeclarator(context.typeSpec(), d)).ToList();

    private DeclStmt BuildDeclarator(P.TypeSpecContext spec, P.InitDeclaratorContext declarator)
    {
        var type = TypeBuilder.Build(spec, declarator.pointer(), bc);
        var initializer = declarator.expr() is { } value ? exprs.Build(value) : null;
        var span = bc.Spans.Of(spec).To(bc.Spans.Of(declarator));
        return new DeclStmt(type, declarator.IDENT().GetText(), initializer, span);
    }

    public override Stmt VisitBlockStmt(P.BlockStmtContext context) => BuildBlock(context.compoundStmt());

    public override Stmt VisitIfStmt(P.IfStmtContext context)
    {
        var condition = exprs.Build(context.expr());
        var then = Visit(context.statement(0));
        var otherwise = context.ELSE() is null ? null : Visit(context.statement(1));
        return new IfStmt(condition, then, otherwise, Span(context));
    }

    public override Stmt VisitExprStmt(P.ExprStmtContext context)
        => new ExprStmt(exprs.Build(context.expr()), Span(context));

    public override Stmt VisitEmptyStmt(P.EmptyStmtContext context) => new EmptyStmt(Span(context));

    public override Stmt VisitWhileStmt(P.WhileStmtContext context) => Loop(context, "while");

    public override Stmt VisitDoWhileStmt(P.DoWhileStmtContext context) => Loop(context, "do-while");

    public override Stmt VisitForStmt(P.ForStmtContext context) => Loop(context, "for");

    public override Stmt VisitJumpStmt(P.JumpStmtContext context)
    {
        var keyword = context.kw.Text;
        bc.Diagnostics.Error(bc.Spans.Of(context.kw),
            $"'{keyword}' is not supported: litmus thread code is straight-line C with if/else only");
        return new EmptyStmt(Span(context));
    }

    protected override Stmt DefaultResult
        => throw new InvalidOperationException("internal error: statement form without an AST builder");

    private EmptyStmt Loop(ParserRuleContext context, string kind)
    {
        bc.Diagnostics.Error(bc.Spans.Of(context.Start),
            $"loops are not supported ('{kind}'): herd's C litmus tests are loop-free; unroll the loop by hand, using if for its exit test");
        return new EmptyStmt(Span(context));
    }

    private SourceSpan Span(ParserRuleContext context) => bc.Spans.Of(context);
}

using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using Litmus.Syntax.Generated;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

/// <summary>Builds cat statements: one method per labelled alternative of the grammar's <c>statement</c> rule.</summary>
internal sealed partial class CatStmtBuilder(CatBuildContext bc, CatExprBuilder exprs) : CatBaseVisitor<CatStmt>
{
    public List<CatStmt> BuildAll(IEnumerable<P.StatementContext> statements) => statements.Select(Visit).ToList();

    public override CatStmt VisitLetStmt(P.LetStmtContext context)
        => new CatLet(context.REC() is not null, context.binding().Select(exprs.BuildBinding).ToList(), Span(context));

    public override CatStmt VisitCheckStmt(P.CheckStmtContext context)
    {
        var kind = context.checkKind().Start.Type switch
        {
            P.ACYCLIC => CatCheckKind.Acyclic,
            P.IRREFLEXIVE => CatCheckKind.Irreflexive,
            _ => CatCheckKind.Empty,
        };
        var flavour = context.checkFlavour()?.Start.Type;
        return new CatCheck(kind, context.TILDE() is not null, exprs.Build(context.expr()), context.name?.Text,
            IsFlag: flavour == P.FLAG, IsUndefinedUnless: flavour == P.UNDEFINED_UNLESS, Span(context));
    }

    public override CatStmt VisitShowAsStmt(P.ShowAsStmtContext context) => new CatShow(Span(context));

    public override CatStmt VisitShowStmt(P.ShowStmtContext context) => new CatShow(Span(context));

    public override CatStmt VisitIncludeStmt(P.IncludeStmtContext context)
        => new CatInclude(CatBuildContext.Unquote(context.STRING().GetText()), Span(context));

    public override CatStmt VisitEnumStmt(P.EnumStmtContext context)
        => new CatEnum(context.IDENT().GetText(), context.TAG().Select(t => CatBuildContext.TagName(t.GetText())).ToList(), Span(context));

    // instructions R[Accesses]: the annotation set is usually one expression; several form a tuple.
    public override CatStmt VisitInstructionsStmt(P.InstructionsStmtContext context)
    {
        var span = Span(context);
        var items = context.argList()?.@base().Select(exprs.Build).ToList() ?? [];
        CatExpr annotations = items.Count switch
        {
            0 => new CatEmpty(span),
            1 => items[0],
            _ => new CatTuple(items, bc.Spans.Of(context.argList())),
        };
        return new CatInstructions(context.IDENT().GetText(), annotations, span);
    }

    public override CatStmt VisitProcedureStmt(P.ProcedureStmtContext context)
        => new CatProcedure(context.IDENT().GetText(), CatExprBuilder.Formals(context.formals()),
            BuildAll(context.statement()), Span(context));

    public override CatStmt VisitCurriedProcedureStmt(P.CurriedProcedureStmtContext context)
        => new CatProcedure(context.IDENT().GetText(), [context.pattern().GetText()],
            BuildAll(context.statement()), Span(context));

    public override CatStmt VisitCallStmt(P.CallStmtContext context)
    {
        var names = context.IDENT();
        var label = names.Length > 1 ? names[1].GetText() : null;
        return new CatCall(names[0].GetText(), exprs.Build(context.simple()), label, Span(context));
    }

    public override CatStmt VisitWithStmt(P.WithStmtContext context)
        => new CatWith(context.IDENT().GetText(), exprs.Build(context.expr()), Span(context));

    public override CatStmt VisitIfStmt(P.IfStmtContext context)
    {
        var otherwise = context.elseBranch is null ? [] : BuildAll(context.elseBranch.statement());
        return new CatIfStmt(exprs.BuildCondition(context.condition()), BuildAll(context.thenBranch.statement()),
            otherwise, Span(context));
    }

    protected override CatStmt DefaultResult
        => throw new InvalidOperationException("internal error: cat statement form without an AST builder");

    private SourceSpan Span(ParserRuleContext context) => bc.Spans.Of(context);
}

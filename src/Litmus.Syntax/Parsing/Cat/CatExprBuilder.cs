using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using Litmus.Syntax.Generated;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

/// <summary>
/// Builds cat expressions: one method per labelled alternative of the grammar's
/// <c>expr</c>, <c>base</c> and <c>simple</c> rules.
/// </summary>
internal sealed partial class CatExprBuilder(CatBuildContext bc) : CatBaseVisitor<CatExpr>
{
    public CatExpr Build(ParserRuleContext context) => Visit(context);

    // ---------------------------------------------------------------- expr

    public override CatExpr VisitLetInExpr(P.LetInExprContext context)
        => new CatLetIn(context.REC() is not null, context.binding().Select(BuildBinding).ToList(),
            Visit(context.expr()), Span(context));

    public override CatExpr VisitFunExpr(P.FunExprContext context)
        => new CatFun([context.pattern().GetText()], Visit(context.expr()), Span(context));

    public override CatExpr VisitFunTupleExpr(P.FunTupleExprContext context)
        => new CatFun(Formals(context.formals()), Visit(context.expr()), Span(context));

    public override CatExpr VisitTryExpr(P.TryExprContext context)
        => new CatTry(Visit(context.expr(0)), Visit(context.expr(1)), Span(context));

    public override CatExpr VisitIfExpr(P.IfExprContext context)
        => new CatIf(BuildCondition(context.condition()), Visit(context.expr(0)), Visit(context.expr(1)), Span(context));

    public override CatExpr VisitMatchExpr(P.MatchExprContext context)
    {
        var subject = Visit(context.expr());
        var clauses = context.matchClause();
        var span = Span(context);
        if (clauses.Any(c => c is P.EmptySetClauseContext or P.ElementClauseContext))
            return BuildSetMatch(subject, clauses, span);

        var cases = new List<CatMatchCase>();
        CatExpr? fallback = null;
        foreach (var clause in clauses)
        {
            switch (clause)
            {
                case P.TagClauseContext tag when fallback is null:
                    cases.Add(new CatMatchCase(CatBuildContext.TagName(tag.TAG().GetText()), Visit(tag.expr()), Span(tag)));
                    break;
                case P.DefaultClauseContext d when fallback is null:
                    fallback = Visit(d.expr());
                    break;
                default:
                    bc.Diagnostics.Error(Span(clause), "the '_' case of a match must be its last case");
                    break;
            }
        }
        return new CatMatch(subject, cases, fallback, span);
    }

    // match s with || {} -> e1 || x ++ rest -> e2 end, in either order.
    private CatExpr BuildSetMatch(CatExpr subject, P.MatchClauseContext[] clauses, SourceSpan span)
    {
        var empty = clauses.OfType<P.EmptySetClauseContext>().ToList();
        var element = clauses.OfType<P.ElementClauseContext>().ToList();
        if (clauses.Length != 2 || empty.Count != 1 || element.Count != 1)
        {
            bc.Diagnostics.Error(span,
                "a match on a set has exactly two cases: '|| {} -> ...' and '|| x ++ rest -> ...'");
            return new CatEmpty(span);
        }
        var e = element[0];
        return new CatMatchSet(subject, Visit(empty[0].expr()), e.element.GetText(), e.rest.GetText(), Visit(e.expr()), span);
    }

    // One rule for "a" and "a, b, ...": two alternatives would make every expression's first decision look ahead
    // across the whole first operand for a comma, which was most of the time of parsing a model.
    public override CatExpr VisitBaseOrTupleExpr(P.BaseOrTupleExprContext context)
    {
        var items = context.@base();
        return items.Length == 1 ? Visit(items[0]) : new CatTuple(items.Select(Visit).ToList(), Span(context));
    }

    public CatExpr BuildCondition(P.ConditionContext context) => context switch
    {
        P.VariantConditionContext v => new CatStringLiteral(CatBuildContext.Unquote(v.STRING().GetText()), Span(v)),
        P.CompareConditionContext c => new CatBinary(
            c.op.Type switch { P.EQUAL => CatBinaryOp.Equal, P.SUBSET => CatBinaryOp.Subset, _ => CatBinaryOp.Member },
            Visit(c.left), Visit(c.right), Span(c)),
        _ => throw new InvalidOperationException("internal error: condition form without an AST builder"),
    };

    // ---------------------------------------------------------------- base

    public override CatExpr VisitSimpleBase(P.SimpleBaseContext context) => Visit(context.simple());

    // f a b is (f a) b: each application's span runs from the function name to its argument.
    public override CatExpr VisitApplicationBase(P.ApplicationBaseContext context)
    {
        var name = context.IDENT().Symbol;
        CatExpr result = new CatName(name.Text, bc.Spans.Of(name));
        foreach (var argument in context.argument())
        {
            var value = argument.IDENT() is { } ident ? new CatName(ident.GetText(), bc.Spans.Of(ident.Symbol)) : Visit(argument.simple());
            result = new CatApp(result, value, bc.Spans.Of(name).To(Span(argument)));
        }
        return result;
    }

    public override CatExpr VisitInverseBase(P.InverseBaseContext context)
        => new CatUnary(CatUnaryOp.Inverse, Visit(context.@base()), Span(context));

    public override CatExpr VisitPostfixBase(P.PostfixBaseContext context)
    {
        var op = context.op.Type switch { P.STAR => CatUnaryOp.Star, P.PLUS => CatUnaryOp.Plus, _ => CatUnaryOp.Opt };
        return new CatUnary(op, Visit(context.@base()), Span(context));
    }

    public override CatExpr VisitComplementBase(P.ComplementBaseContext context)
        => new CatUnary(CatUnaryOp.Complement, Visit(context.@base()), Span(context));

    public override CatExpr VisitCartesianBase(P.CartesianBaseContext context) => Binary(CatBinaryOp.Cartesian, context.@base(), context);

    public override CatExpr VisitInterBase(P.InterBaseContext context) => Binary(CatBinaryOp.Inter, context.@base(), context);

    public override CatExpr VisitDiffBase(P.DiffBaseContext context) => Binary(CatBinaryOp.Diff, context.@base(), context);

    public override CatExpr VisitSeqBase(P.SeqBaseContext context) => Binary(CatBinaryOp.Seq, context.@base(), context);

    public override CatExpr VisitAddBase(P.AddBaseContext context) => Binary(CatBinaryOp.Add, context.@base(), context);

    public override CatExpr VisitUnionBase(P.UnionBaseContext context) => Binary(CatBinaryOp.Union, context.@base(), context);

    // ---------------------------------------------------------------- simple

    public override CatExpr VisitEmptySimple(P.EmptySimpleContext context) => new CatEmpty(Span(context));

    public override CatExpr VisitTagSimple(P.TagSimpleContext context)
        => new CatTagLiteral(CatBuildContext.TagName(context.TAG().GetText()), Span(context));

    public override CatExpr VisitUniverseSimple(P.UniverseSimpleContext context) => new CatUniverse(Span(context));

    // {} is the empty set; {a, b} lists elements.
    public override CatExpr VisitSetSimple(P.SetSimpleContext context)
        => context.argList() is { } items
            ? new CatSetLiteral(items.@base().Select(Visit).ToList(), Span(context))
            : new CatEmpty(Span(context));

    public override CatExpr VisitUnitSimple(P.UnitSimpleContext context) => new CatTuple([], Span(context));

    // Parentheses and begin/end only group: the inner expression keeps its own span.
    public override CatExpr VisitParenSimple(P.ParenSimpleContext context) => Visit(context.expr());

    public override CatExpr VisitBeginEndSimple(P.BeginEndSimpleContext context) => Visit(context.expr());

    public override CatExpr VisitBracketSimple(P.BracketSimpleContext context)
        => new CatUnary(CatUnaryOp.Bracket, Visit(context.expr()), Span(context));

    protected override CatExpr DefaultResult
        => throw new InvalidOperationException("internal error: cat expression form without an AST builder");

    // ---------------------------------------------------------------- bindings

    public CatBinding BuildBinding(P.BindingContext context) => context switch
    {
        P.ValueBindingContext v => new CatBinding(v.IDENT().GetText(), null, Visit(v.expr()), Span(v)),
        P.FunctionBindingContext f => new CatBinding(f.IDENT().GetText(), Formals(f.formals()), Visit(f.expr()), Span(f)),
        P.CurriedBindingContext c => new CatBinding(c.IDENT().GetText(), [c.pattern().GetText()], Visit(c.expr()), Span(c)),
        _ => throw new InvalidOperationException("internal error: binding form without an AST builder"),
    };

    public static List<string> Formals(P.FormalsContext? formals)
        => formals?.pattern().Select(p => p.GetText()).ToList() ?? [];

    private CatBinary Binary(CatBinaryOp op, P.BaseContext[] operands, ParserRuleContext context)
        => new(op, Visit(operands[0]), Visit(operands[1]), Span(context));

    private SourceSpan Span(ParserRuleContext context) => bc.Spans.Of(context);
}

using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using Litmus.Syntax.Generated;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Builds C expressions of thread bodies, init values and macro bodies: one method per
/// labelled alternative of the grammar's <c>expr</c> and <c>primary</c> rules.
/// </summary>
internal sealed partial class ExprBuilder(BuildContext bc) : LitmusCParserBaseVisitor<Expr>
{
    public Expr Build(P.ExprContext context) => Visit(context);

    public override Expr VisitPrimaryExpr(P.PrimaryExprContext context) => Visit(context.primary());

    public override Expr VisitIntLiteral(P.IntLiteralContext context)
        => new IntLiteral(ParseInteger(context.INT_LIT().Symbol), Span(context));

    public override Expr VisitNameExpr(P.NameExprContext context)
        => new NameExpr(context.IDENT().GetText(), Span(context));

    // Parentheses only group: the inner expression keeps its own span.
    public override Expr VisitParenExpr(P.ParenExprContext context) => Visit(context.expr());

    public override Expr VisitCallExpr(P.CallExprContext context)
    {
        var name = context.IDENT().GetText();
        var arguments = Arguments(context.argumentList());
        // herd's builtins (__load, __fence, __lock, ...) generate events themselves; calls of
        // everything else are primitives or macros the checker looks up by name.
        if (name.StartsWith("__", StringComparison.Ordinal))
            return new PrimitiveExpr(name, [], arguments, Span(context));
        return new CallExpr(name, arguments, bc.Spans.Of(context.IDENT().Symbol), Span(context));
    }

    public override Expr VisitTaggedCallExpr(P.TaggedCallExprContext context)
    {
        var tags = context.tagList()?.tag().Select(TagText).ToList() ?? [];
        return new PrimitiveExpr(context.IDENT().GetText(), tags, Arguments(context.argumentList()), Span(context));
    }

    public override Expr VisitIndexExpr(P.IndexExprContext context)
        => new IndexExpr(Visit(context.expr(0)), Visit(context.expr(1)), Span(context));

    public override Expr VisitUnaryExpr(P.UnaryExprContext context)
    {
        var operand = Visit(context.expr());
        var span = Span(context);
        return context.op.Type switch
        {
            P.STAR => new DerefExpr(operand, span),
            P.AMP => new AddressOfExpr(operand, span),
            // -1 is a negative literal, not an operation on 1.
            P.MINUS when operand is IntLiteral literal => new IntLiteral(unchecked(-literal.Value), span),
            // Unary plus changes nothing.
            P.PLUS => operand,
            _ => new UnaryExpr(context.op.Text, operand, span),
        };
    }

    public override Expr VisitCastExpr(P.CastExprContext context)
        => new CastExpr(TypeBuilder.Build(context.typeName(), bc), Visit(context.expr()), Span(context));

    public override Expr VisitBinaryExpr(P.BinaryExprContext context)
        => new BinaryExpr(context.op.Text, Visit(context.expr(0)), Visit(context.expr(1)), Span(context));

    public override Expr VisitConditionalExpr(P.ConditionalExprContext context)
        => new ConditionalExpr(Visit(context.expr(0)), Visit(context.expr(1)), Visit(context.expr(2)), Span(context));

    public override Expr VisitAssignExpr(P.AssignExprContext context)
        => new AssignExpr(Visit(context.expr(0)), context.op.Text, Visit(context.expr(1)), Span(context));

    public override Expr VisitExprArgument(P.ExprArgumentContext context) => Visit(context.expr());

    public override Expr VisitOperatorArgument(P.OperatorArgumentContext context)
    {
        var op = context.operatorArg();
        var text = string.Concat(Enumerable.Range(0, op.ChildCount).Select(i => op.GetChild(i).GetText()));
        if (!bc.MacroFile)
            bc.Diagnostics.Error(Span(context), $"unexpected '{text}' in call arguments: operators are only passed as arguments in .def macro definitions");
        return new OperatorArgExpr(text, Span(context));
    }

    protected override Expr DefaultResult
        => throw new InvalidOperationException("internal error: expression form without an AST builder");

    private List<Expr> Arguments(P.ArgumentListContext? list)
        => list?.argument().Select(Visit).ToList() ?? [];

    // A tag is lexed as several tokens (sync, -, srcu); its name is their text run together.
    private static string TagText(P.TagContext tag)
        => string.Concat(Enumerable.Range(0, tag.ChildCount).Select(i => tag.GetChild(i).GetText()));

    private long ParseInteger(IToken token)
    {
        if (!IntegerLiterals.TryParse(token.Text, out var value))
            bc.Diagnostics.Error(bc.Spans.Of(token), $"integer {token.Text} does not fit in 64 bits");
        return value;
    }

    private SourceSpan Span(ParserRuleContext context) => bc.Spans.Of(context);
}

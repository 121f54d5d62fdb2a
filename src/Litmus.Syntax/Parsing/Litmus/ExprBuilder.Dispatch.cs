using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

// Visit by the context's type, not by ANTLR's Accept<T> (a generic virtual method, resolved at run time under
// Native AOT: docs/performance.md, session 9). BuilderDispatchTests keeps the cases complete.
internal sealed partial class ExprBuilder
{
    public override Expr Visit(IParseTree tree) => tree switch
    {
        P.PrimaryExprContext c => VisitPrimaryExpr(c),
        P.IntLiteralContext c => VisitIntLiteral(c),
        P.NameExprContext c => VisitNameExpr(c),
        P.ParenExprContext c => VisitParenExpr(c),
        P.CallExprContext c => VisitCallExpr(c),
        P.TaggedCallExprContext c => VisitTaggedCallExpr(c),
        P.IndexExprContext c => VisitIndexExpr(c),
        P.UnaryExprContext c => VisitUnaryExpr(c),
        P.CastExprContext c => VisitCastExpr(c),
        P.BinaryExprContext c => VisitBinaryExpr(c),
        P.ConditionalExprContext c => VisitConditionalExpr(c),
        P.AssignExprContext c => VisitAssignExpr(c),
        P.ExprArgumentContext c => VisitExprArgument(c),
        P.OperatorArgumentContext c => VisitOperatorArgument(c),
        _ => base.Visit(tree),
    };
}

using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

// Visit dispatched on the context's type, for each Visit method the builder overrides. ANTLR's own dispatch,
// tree.Accept<T>(visitor), is a generic virtual method, which Native AOT resolves at run time on first use: about
// 6 ms of each one-test process (docs/performance.md). A context not listed here still goes through Accept.
// BuilderDispatchTests checks that the list covers every override.
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

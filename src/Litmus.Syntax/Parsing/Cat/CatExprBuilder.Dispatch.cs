using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

// Visit dispatched on the context's type, for each Visit method the builder overrides. ANTLR's own dispatch,
// tree.Accept<T>(visitor), is a generic virtual method, which Native AOT resolves at run time on first use: about
// 6 ms of each one-test process (docs/performance.md). A context not listed here still goes through Accept.
// BuilderDispatchTests checks that the list covers every override.
internal sealed partial class CatExprBuilder
{
    public override CatExpr Visit(IParseTree tree) => tree switch
    {
        P.LetInExprContext c => VisitLetInExpr(c),
        P.FunExprContext c => VisitFunExpr(c),
        P.FunTupleExprContext c => VisitFunTupleExpr(c),
        P.TryExprContext c => VisitTryExpr(c),
        P.IfExprContext c => VisitIfExpr(c),
        P.MatchExprContext c => VisitMatchExpr(c),
        P.BaseOrTupleExprContext c => VisitBaseOrTupleExpr(c),
        P.SimpleBaseContext c => VisitSimpleBase(c),
        P.ApplicationBaseContext c => VisitApplicationBase(c),
        P.InverseBaseContext c => VisitInverseBase(c),
        P.PostfixBaseContext c => VisitPostfixBase(c),
        P.ComplementBaseContext c => VisitComplementBase(c),
        P.CartesianBaseContext c => VisitCartesianBase(c),
        P.InterBaseContext c => VisitInterBase(c),
        P.DiffBaseContext c => VisitDiffBase(c),
        P.SeqBaseContext c => VisitSeqBase(c),
        P.AddBaseContext c => VisitAddBase(c),
        P.UnionBaseContext c => VisitUnionBase(c),
        P.EmptySimpleContext c => VisitEmptySimple(c),
        P.TagSimpleContext c => VisitTagSimple(c),
        P.UniverseSimpleContext c => VisitUniverseSimple(c),
        P.SetSimpleContext c => VisitSetSimple(c),
        P.UnitSimpleContext c => VisitUnitSimple(c),
        P.ParenSimpleContext c => VisitParenSimple(c),
        P.BeginEndSimpleContext c => VisitBeginEndSimple(c),
        P.BracketSimpleContext c => VisitBracketSimple(c),
        _ => base.Visit(tree),
    };
}

using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.CatParser;

namespace Litmus.Syntax.Parsing.Cat;

// Visit by the context's type, not by ANTLR's Accept<T> (a generic virtual method, resolved at run time under
// Native AOT: docs/performance.md, session 9). BuilderDispatchTests keeps the cases complete.
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

using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

// Visit by the context's type, not by ANTLR's Accept<T> (a generic virtual method, resolved at run time under
// Native AOT: docs/performance.md, session 9). BuilderDispatchTests keeps the cases complete.
internal sealed partial class ConditionBuilder
{
    public override Prop Visit(IParseTree tree) => tree switch
    {
        P.ParenPropContext c => VisitParenProp(c),
        P.NotPropContext c => VisitNotProp(c),
        P.ImpliesPropContext c => VisitImpliesProp(c),
        P.AndPropContext c => VisitAndProp(c),
        P.OrPropContext c => VisitOrProp(c),
        P.TruePropContext c => VisitTrueProp(c),
        P.FalsePropContext c => VisitFalseProp(c),
        P.ComparePropContext c => VisitCompareProp(c),
        _ => base.Visit(tree),
    };
}

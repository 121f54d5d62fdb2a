using Antlr4.Runtime.Tree;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

// Visit dispatched on the context's type, for each Visit method the builder overrides. ANTLR's own dispatch,
// tree.Accept<T>(visitor), is a generic virtual method, which Native AOT resolves at run time on first use: about
// 6 ms of each one-test process (docs/performance.md). A context not listed here still goes through Accept.
// BuilderDispatchTests checks that the list covers every override.
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

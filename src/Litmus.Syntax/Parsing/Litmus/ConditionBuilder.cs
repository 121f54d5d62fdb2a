using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using Litmus.Syntax.Generated;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Builds the final condition, <c>filter</c> propositions and <c>locations</c> operands:
/// one method per labelled alternative of the grammar's <c>prop</c> rule.
/// </summary>
internal sealed partial class ConditionBuilder(BuildContext bc) : LitmusCParserBaseVisitor<Prop>
{
    public Prop BuildProp(P.PropContext context) => Visit(context);

    public FinalCondition BuildCondition(P.FinalConditionContext context) => context switch
    {
        P.ExistsConditionContext c => new FinalCondition(Quantifier.Exists, Visit(c.prop()), Span(c)),
        P.NotExistsConditionContext c => new FinalCondition(Quantifier.NotExists, Visit(c.prop()), Span(c)),
        P.ForallConditionContext c => new FinalCondition(Quantifier.Forall, Visit(c.prop()), Span(c)),
        _ => throw new InvalidOperationException("internal error: condition form without an AST builder"),
    };

    public override Prop VisitParenProp(P.ParenPropContext context) => Visit(context.prop());

    public override Prop VisitNotProp(P.NotPropContext context) => new NotProp(Visit(context.prop()), Span(context));

    public override Prop VisitImpliesProp(P.ImpliesPropContext context)
        => new ImpliesProp(Visit(context.prop(0)), Visit(context.prop(1)), Span(context));

    public override Prop VisitAndProp(P.AndPropContext context)
        => new AndProp(Visit(context.prop(0)), Visit(context.prop(1)), Span(context));

    public override Prop VisitOrProp(P.OrPropContext context)
        => new OrProp(Visit(context.prop(0)), Visit(context.prop(1)), Span(context));

    public override Prop VisitTrueProp(P.TruePropContext context) => new TrueProp(Span(context));

    public override Prop VisitFalseProp(P.FalsePropContext context) => new FalseProp(Span(context));

    public override Prop VisitCompareProp(P.ComparePropContext context)
    {
        var negated = context.op.Type is P.NE or P.LTGT;
        return new CompareProp(BuildOperand(context.operand(0)), BuildOperand(context.operand(1)), negated, Span(context));
    }

    protected override Prop DefaultResult
        => throw new InvalidOperationException("internal error: proposition form without an AST builder");

    public Operand BuildOperand(P.OperandContext context) => context switch
    {
        P.RegisterOperandContext r => new RegisterOperand(
            ThreadIndex(r.thread), r.IDENT()[^1].GetText(), Span(r)),
        P.ValueOfOperandContext v => new ValueOfOperand(v.IDENT().GetText(), Span(v)),
        P.ConstantOperandContext c => new ConstantOperand(Constant(c), Span(c)),
        P.NameOperandContext n => new NameOperand(n.IDENT().GetText(), Span(n)),
        _ => throw new InvalidOperationException("internal error: operand form without an AST builder"),
    };

    /// <summary>The thread of <c>0:r0</c> (herd also accepts <c>P0:r0</c>).</summary>
    private int ThreadIndex(IToken thread)
    {
        if (ThreadNames.TryParseIndex(thread.Text, out var index)) return index;
        bc.Diagnostics.Error(bc.Spans.Of(thread),
            $"'{thread.Text}' is not a thread: registers are written <thread>:<register>, as in 0:r1");
        return -1;
    }

    private long Constant(P.ConstantOperandContext context)
    {
        var token = context.INT_LIT().Symbol;
        if (!IntegerLiterals.TryParse(token.Text, out var value))
            bc.Diagnostics.Error(bc.Spans.Of(token), $"integer {token.Text} does not fit in 64 bits");
        return context.MINUS() is null ? value : unchecked(-value);
    }

    private SourceSpan Span(ParserRuleContext context) => bc.Spans.Of(context);
}

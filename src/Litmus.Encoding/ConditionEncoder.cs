using Litmus.Events;
using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Encoding;

/// <summary>Final-state propositions (<c>exists</c>, <c>filter</c>) as formulas over final register and memory values.</summary>
public sealed class ConditionEncoder(LitmusProgram program, ExecutionRelations exec)
{
    private readonly TermFactory F = program.Terms;

    public Term Encode(Prop p) => p switch
    {
        TrueProp => F.True,
        FalseProp => F.False,
        NotProp n => F.Not(Encode(n.Operand)),
        AndProp a => F.And(Encode(a.Left), Encode(a.Right)),
        OrProp o => F.Or(Encode(o.Left), Encode(o.Right)),
        ImpliesProp i => F.Implies(Encode(i.Left), Encode(i.Right)),
        CompareProp c => Compare(c),
        _ => throw new LitmusInputException(p.Span, "unsupported proposition"),
    };

    private Term Compare(CompareProp c)
    {
        var eq = F.Eq(Operand(c.Left, isLeft: true), Operand(c.Right, isLeft: false));
        return c.Negated ? F.Not(eq) : eq;
    }

    /// <summary>
    /// A bare name is the location's final value on the left of <c>=</c> (<c>x=1</c>) and its address on the
    /// right (<c>0:r0=x</c>: r0 points to x), as in herd.
    /// </summary>
    public Term Operand(Operand o, bool isLeft) => o switch
    {
        RegisterOperand r => Register(r),
        ValueOfOperand v => FinalValue(v.Name, v.Span),
        NameOperand n when isLeft => FinalValue(n.Name, n.Span),
        NameOperand n => F.ValueConst(LocationOf(n.Name, n.Span).Address),
        ConstantOperand k => F.ValueConst(k.Value),
        _ => throw new LitmusInputException(o.Span, "unsupported operand"),
    };

    public Term Register(RegisterOperand r)
    {
        if (program.FinalRegisters.TryGetValue((r.Thread, r.Register), out var v)) return v;
        if (program.Test.Threads.All(t => t.Index != r.Thread))
            throw new LitmusInputException(r.Span, $"the condition names {r.Thread}:{r.Register}, but there is no thread P{r.Thread}");
        throw new LitmusInputException(r.Span, $"the condition names {r.Thread}:{r.Register}, but P{r.Thread} has no register {r.Register}");
    }

    public Term FinalValue(string name, SourceSpan span)
    {
        LocationOf(name, span);
        return exec.FinalValues[name];
    }

    private Location LocationOf(string name, SourceSpan span) => program.FindLocation(name)
        ?? throw new LitmusInputException(span, $"undeclared location '{name}' (declare it in the init block or as a thread parameter)");
}

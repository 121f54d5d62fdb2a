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

    /// <summary>
    /// An equation holds when both sides are determined and equal: herd compares an unsolved value with
    /// nothing successfully, so <c>x=42</c> is false of it and <c>x!=42</c> true.
    /// </summary>
    private Term Compare(CompareProp c)
    {
        var (l, r) = (Operand(c.Left, isLeft: true), Operand(c.Right, isLeft: false));
        var eq = F.And(Determined(c.Left, l), Determined(c.Right, r), F.Eq(l, r));
        return c.Negated ? F.Not(eq) : eq;
    }

    private Term Determined(Operand o, Term value) => o switch
    {
        ValueOfOperand v => exec.FinalDetermined[v.Name],
        NameOperand n when exec.FinalValues.TryGetValue(n.Name, out var f) && f == value => exec.FinalDetermined[n.Name],
        _ => exec.Determined(value),
    };

    /// <summary>
    /// A bare name is the location's final value on the left of <c>=</c> (<c>x=1</c>) and its address on the
    /// right (<c>0:r0=x</c>: r0 points to x), as in herd.
    /// </summary>
    public Term Operand(Operand o, bool isLeft) => o switch
    {
        RegisterOperand r => Register(r),
        ValueOfOperand v => FinalValue(v.Name, v.Span),
        NameOperand n when isLeft => FinalValue(n.Name, n.Span),
        NameOperand n => F.WordConst(LocationOf(n.Name, n.Span).Address),
        ConstantOperand k => F.WordConst(k.Value),
        _ => throw new LitmusInputException(o.Span, "unsupported operand"),
    };

    public Term Register(RegisterOperand r)
    {
        if (program.FinalRegisters.TryGetValue((r.Thread, r.Register), out var v)) return v;
        if (program.Test.Threads.All(t => t.Index != r.Thread))
            throw new LitmusInputException(r.Span, $"the condition names {r.Thread}:{r.Register}, but there is no thread P{r.Thread}");
        // As in herd, a register the thread never assigns reads 0 (tests observe such registers in locations [...]).
        return F.WordConst(0);
    }

    public Term FinalValue(string name, SourceSpan span)
    {
        LocationOf(name, span);
        return exec.FinalValues[name];
    }

    private Location LocationOf(string name, SourceSpan span) => program.FindLocation(name)
        ?? throw new LitmusInputException(span, $"undeclared location '{name}' (declare it in the init block or as a thread parameter)");
}

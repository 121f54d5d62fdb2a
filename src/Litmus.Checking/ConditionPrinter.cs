using Litmus.Syntax.Ast;

namespace Litmus.Checking;

/// <summary>Prints a condition as herd re-prints it: <c>exists (1:r0=1 /\ 1:r1=0)</c>.</summary>
public static class ConditionPrinter
{
    public static string Print(FinalCondition c) =>
        (c.Quantifier switch { Quantifier.Exists => "exists", Quantifier.NotExists => "~exists", _ => "forall" })
        + " (" + Print(c.Proposition) + ")";

    public static string Print(Prop p) => p switch
    {
        TrueProp => "true",
        FalseProp => "false",
        NotProp n => "~" + Wrap(n.Operand),
        AndProp a => Wrap(a.Left, a) + " /\\ " + Wrap(a.Right, a),
        OrProp o => Wrap(o.Left, o) + " \\/ " + Wrap(o.Right, o),
        ImpliesProp i => Wrap(i.Left) + " => " + Wrap(i.Right),
        CompareProp c => Operand(c.Left) + (c.Negated ? "!=" : "=") + Operand(c.Right),
        _ => p.ToString(),
    };

    private static string Wrap(Prop p, Prop? parent = null) =>
        p is CompareProp or TrueProp or FalseProp or NotProp || (parent is not null && p.GetType() == parent.GetType())
            ? Print(p) : "(" + Print(p) + ")";

    private static string Operand(Operand o) => o switch
    {
        RegisterOperand r => $"{r.Thread}:{r.Register}",
        NameOperand n => n.Name,
        ValueOfOperand v => $"[{v.Name}]",
        ConstantOperand k => k.Value.ToString(),
        _ => o.ToString(),
    };
}

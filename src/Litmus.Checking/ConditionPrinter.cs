using Litmus.Syntax.Ast;

namespace Litmus.Checking;

/// <summary>
/// Prints a condition as herd re-prints it (herd's <c>ConstrGen.pp_prop</c>): <c>exists (1:r0=1 /\ [x]=2)</c>.
/// A location's value is bracketed (<c>[x]</c>), an address is bare (<c>1:r0=x</c>), a negation is <c>not (...)</c>,
/// and parentheses appear only where herd puts them: around a disjunction or implication inside a conjunction, and
/// around an implication inside a disjunction, or a conjunction or disjunction inside an implication.
/// </summary>
public static class ConditionPrinter
{
    private enum Context { Top, And, Or, Implies }

    public static string Print(FinalCondition c) =>
        (c.Quantifier switch { Quantifier.Exists => "exists", Quantifier.NotExists => "~exists", _ => "forall" })
        + " (" + Print(c.Proposition) + ")";

    public static string Print(Prop p) => Print(p, Context.Top);

    private static string Print(Prop p, Context above) => p switch
    {
        TrueProp => "true",
        FalseProp => "false",
        NotProp n => "not (" + Print(n.Operand, Context.Top) + ")",
        AndProp a => Paren(above, Context.And, Print(a.Left, Context.And) + " /\\ " + Print(a.Right, Context.And)),
        OrProp o => Paren(above, Context.Or, Print(o.Left, Context.Or) + " \\/ " + Print(o.Right, Context.Or)),
        ImpliesProp i => Paren(above, Context.Implies, Print(i.Left, Context.Implies) + " => " + Print(i.Right, Context.Implies)),
        CompareProp { Negated: true } c => "not (" + Atom(c) + ")",
        CompareProp c => Atom(c),
        _ => p.ToString(),
    };

    private static string Paren(Context above, Context here, string s) =>
        above != Context.Top && above != here && !(above == Context.Or && here == Context.And) ? "(" + s + ")" : s;

    private static string Atom(CompareProp c) => Location(c.Left) + "=" + Value(c.Right);

    /// <summary>The left of <c>=</c> is a location: a register, or a shared location shown bracketed.</summary>
    private static string Location(Operand o) => o switch
    {
        RegisterOperand r => $"{r.Thread}:{r.Register}",
        NameOperand n => $"[{n.Name}]",
        ValueOfOperand v => $"[{v.Name}]",
        ConstantOperand k => k.Value.ToString(),
        _ => o.ToString(),
    };

    /// <summary>The right of <c>=</c> is a value: a constant, an address (bare name), or another location's value.</summary>
    private static string Value(Operand o) => o switch
    {
        RegisterOperand r => $"{r.Thread}:{r.Register}",
        NameOperand n => n.Name,
        ValueOfOperand v => $"[{v.Name}]",
        ConstantOperand k => k.Value.ToString(),
        _ => o.ToString(),
    };
}

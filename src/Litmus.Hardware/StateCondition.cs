using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>
/// Evaluates a test's proposition (its condition, or its filter) on an observed final state. Values are
/// compared as the model's states show them: integers, or a location's name for its address.
/// </summary>
public static class StateCondition
{
    /// <param name="values">By observed name: <c>0:r0</c> for a register, <c>[x]</c> for a location.</param>
    public static bool Holds(Prop p, IReadOnlyDictionary<string, string> values) => p switch
    {
        TrueProp => true,
        FalseProp => false,
        NotProp n => !Holds(n.Operand, values),
        AndProp a => Holds(a.Left, values) && Holds(a.Right, values),
        OrProp o => Holds(o.Left, values) || Holds(o.Right, values),
        ImpliesProp i => !Holds(i.Left, values) || Holds(i.Right, values),
        CompareProp c => (Value(c.Left, values, left: true) == Value(c.Right, values, left: false)) != c.Negated,
        _ => throw new ArgumentException($"unknown proposition {p.GetType().Name}"),
    };

    private static string Value(Operand o, IReadOnlyDictionary<string, string> values, bool left) => o switch
    {
        RegisterOperand r => values[$"{r.Thread}:{r.Register}"],
        // A bare name is the location's value on the left of '=', its address on the right.
        NameOperand n => left ? values[$"[{n.Name}]"] : n.Name,
        ValueOfOperand v => values[$"[{v.Name}]"],
        ConstantOperand k => k.Value.ToString(),
        _ => throw new ArgumentException($"unknown operand {o.GetType().Name}"),
    };
}

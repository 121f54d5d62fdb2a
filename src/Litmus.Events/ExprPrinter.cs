using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>C-like rendering of expressions, for event descriptions in witnesses.</summary>
public static class ExprPrinter
{
    public static string Print(Expr e) => e switch
    {
        IntLiteral i => i.Value.ToString(),
        NameExpr n => n.Name,
        DerefExpr d => "*" + Print(d.Target),
        AddressOfExpr a => "&" + Print(a.Target),
        UnaryExpr u => u.Operator + Print(u.Operand),
        BinaryExpr b => $"{Print(b.Left)} {b.Operator} {Print(b.Right)}",
        ConditionalExpr c => $"{Print(c.Condition)} ? {Print(c.Then)} : {Print(c.Else)}",
        IndexExpr x => $"{Print(x.Array)}[{Print(x.Index)}]",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Print))})",
        AssignExpr a => $"{Print(a.Target)} {a.Operator} {Print(a.Value)}",
        CastExpr c => $"({c.Type}){Print(c.Operand)}",
        PrimitiveExpr p => $"{p.Primitive}{(p.Tags.Count > 0 ? "{" + string.Join(",", p.Tags) + "}" : "")}({string.Join(", ", p.Arguments.Select(Print))})",
        OperatorArgExpr o => o.Operator,
        _ => e.GetType().Name,
    };
}

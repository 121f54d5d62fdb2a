using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Tests;

/// <summary>Fully parenthesised renderings of AST nodes, so that tests can state structure and precedence in one line.</summary>
internal static class Show
{
    public static string Expr(Expr e) => e switch
    {
        IntLiteral i => i.Value.ToString(),
        NameExpr n => n.Name,
        DerefExpr d => $"*{Expr(d.Target)}",
        AddressOfExpr a => $"&{Expr(a.Target)}",
        UnaryExpr u => $"{u.Operator}{Expr(u.Operand)}",
        BinaryExpr b => $"({Expr(b.Left)} {b.Operator} {Expr(b.Right)})",
        ConditionalExpr c => $"({Expr(c.Condition)} ? {Expr(c.Then)} : {Expr(c.Else)})",
        IndexExpr x => $"{Expr(x.Array)}[{Expr(x.Index)}]",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Expr))})",
        AssignExpr a => $"({Expr(a.Target)} {a.Operator} {Expr(a.Value)})",
        CastExpr c => $"(({c.Type}){Expr(c.Operand)})",
        PrimitiveExpr p => $"{p.Primitive}{{{string.Join(",", p.Tags)}}}({string.Join(", ", p.Arguments.Select(Expr))})",
        OperatorArgExpr o => $"op[{o.Operator}]",
        _ => e.GetType().Name,
    };

    public static string Stmt(Stmt s) => s switch
    {
        DeclStmt d => $"decl {d.Type} {d.Name}" + (d.Initializer is null ? "" : $" = {Expr(d.Initializer)}"),
        ExprStmt e => Expr(e.Expression),
        IfStmt i => $"if {Expr(i.Condition)} then {Stmt(i.Then)}" + (i.Else is null ? "" : $" else {Stmt(i.Else)}"),
        BlockStmt b => "{ " + string.Join("; ", b.Statements.Select(Stmt)) + " }",
        EmptyStmt => "skip",
        _ => s.GetType().Name,
    };

    public static string Prop(Prop p) => p switch
    {
        TrueProp => "true",
        FalseProp => "false",
        NotProp n => $"~{Prop(n.Operand)}",
        AndProp a => $"({Prop(a.Left)} /\\ {Prop(a.Right)})",
        OrProp o => $"({Prop(o.Left)} \\/ {Prop(o.Right)})",
        ImpliesProp i => $"({Prop(i.Left)} => {Prop(i.Right)})",
        CompareProp c => $"{Operand(c.Left)}{(c.Negated ? "!=" : "=")}{Operand(c.Right)}",
        _ => p.GetType().Name,
    };

    public static string Operand(Operand o) => o switch
    {
        RegisterOperand r => $"{r.Thread}:{r.Register}",
        NameOperand n => n.Name,
        ValueOfOperand v => $"[{v.Name}]",
        ConstantOperand c => c.Value.ToString(),
        _ => o.GetType().Name,
    };

    public static string Cat(CatExpr e) => e switch
    {
        CatName n => n.Name,
        CatEmpty => "0",
        CatUniverse => "_",
        CatTagLiteral t => "'" + t.Tag,
        CatStringLiteral s => $"\"{s.Value}\"",
        CatBinary b => $"({Cat(b.Left)} {CatOp(b.Op)} {Cat(b.Right)})",
        CatUnary { Op: CatUnaryOp.Bracket } u => $"[{Cat(u.Operand)}]",
        CatUnary { Op: CatUnaryOp.Complement } u => $"~{Cat(u.Operand)}",
        CatUnary u => $"{Cat(u.Operand)}{u.Op switch { CatUnaryOp.Inverse => "^-1", CatUnaryOp.Plus => "+", CatUnaryOp.Star => "*", _ => "?" }}",
        CatApp a => $"{Cat(a.Function)}@{Cat(a.Argument)}",
        CatTuple t => "<" + string.Join(", ", t.Items.Select(Cat)) + ">",
        CatSetLiteral s => "{" + string.Join(", ", s.Items.Select(Cat)) + "}",
        CatFun f => $"(fun ({string.Join(", ", f.Parameters)}) -> {Cat(f.Body)})",
        CatLetIn l => $"(let{(l.Recursive ? " rec" : "")} {string.Join(" and ", l.Bindings.Select(Binding))} in {Cat(l.Body)})",
        CatIf i => $"(if {Cat(i.Condition)} then {Cat(i.Then)} else {Cat(i.Else)})",
        CatTry t => $"(try {Cat(t.Body)} with {Cat(t.Fallback)})",
        CatMatch m => $"(match {Cat(m.Subject)} with {string.Join(" ", m.Cases.Select(c => $"'{c.Tag} -> {Cat(c.Body)}"))}{(m.Default is null ? "" : $" _ -> {Cat(m.Default)}")})",
        CatMatchSet m => $"(match {Cat(m.Subject)} with {{}} -> {Cat(m.EmptyCase)} | {m.Element} ++ {m.Rest} -> {Cat(m.NonEmptyCase)})",
        _ => e.GetType().Name,
    };

    public static string Binding(CatBinding b)
        => b.Parameters is null ? $"{b.Name} = {Cat(b.Body)}" : $"{b.Name}({string.Join(", ", b.Parameters)}) = {Cat(b.Body)}";

    private static string CatOp(CatBinaryOp op) => op switch
    {
        CatBinaryOp.Union => "|",
        CatBinaryOp.Inter => "&",
        CatBinaryOp.Diff => "\\",
        CatBinaryOp.Seq => ";",
        CatBinaryOp.Cartesian => "*",
        CatBinaryOp.Add => "++",
        CatBinaryOp.Equal => "=",
        CatBinaryOp.Subset => "subset",
        CatBinaryOp.Member => "in",
        _ => op.ToString(),
    };
}

namespace Litmus.Syntax.Ast;

public abstract record Stmt(SourceSpan Span);

/// <summary><c>int r0;</c> or <c>int r0 = e;</c>. A declaration of several names becomes several statements.</summary>
public sealed record DeclStmt(TypeName Type, string Name, Expr? Initializer, SourceSpan Span) : Stmt(Span);

public sealed record ExprStmt(Expr Expression, SourceSpan Span) : Stmt(Span);

public sealed record IfStmt(Expr Condition, Stmt Then, Stmt? Else, SourceSpan Span) : Stmt(Span);

public sealed record BlockStmt(IReadOnlyList<Stmt> Statements, SourceSpan Span) : Stmt(Span);

/// <summary>A lone <c>;</c>.</summary>
public sealed record EmptyStmt(SourceSpan Span) : Stmt(Span);

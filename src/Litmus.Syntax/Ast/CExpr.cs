namespace Litmus.Syntax.Ast;

/// <summary>A C type as litmus tests write it: <c>int</c>, <c>volatile int *</c>, <c>atomic_t</c>, <c>spinlock_t *</c>, <c>struct srcu_struct *</c>.</summary>
/// <remarks>
/// <see cref="Base"/> has the type words without qualifiers: <c>volatile int *</c> is <c>("int", 1)</c>,
/// <c>unsigned long</c> is <c>"unsigned long"</c>, <c>struct srcu_struct</c> keeps <c>struct</c>.
/// </remarks>
public sealed record TypeName(string Base, int PointerDepth, SourceSpan Span)
{
    public override string ToString() => Base + new string('*', PointerDepth);
}

/// <summary>C expressions of thread bodies, init values and macro bodies.</summary>
public abstract record Expr(SourceSpan Span);

/// <summary>An integer constant; <c>-1</c> is the literal -1, not a negation of 1; hex literals are read as 64-bit values.</summary>
public sealed record IntLiteral(long Value, SourceSpan Span) : Expr(Span);

/// <summary>A register, a thread parameter, a shared location, or (in a macro body) a macro parameter.</summary>
public sealed record NameExpr(string Name, SourceSpan Span) : Expr(Span);

/// <summary><c>*e</c>.</summary>
public sealed record DerefExpr(Expr Target, SourceSpan Span) : Expr(Span);

/// <summary><c>&amp;e</c>.</summary>
public sealed record AddressOfExpr(Expr Target, SourceSpan Span) : Expr(Span);

/// <summary><c>-e</c>, <c>!e</c>, <c>~e</c>.</summary>
public sealed record UnaryExpr(string Operator, Expr Operand, SourceSpan Span) : Expr(Span);

/// <summary>Arithmetic, bitwise, comparison and logical operators, spelt as in C (<c>+</c>, <c>&amp;&amp;</c>, <c>==</c>, ...).</summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, SourceSpan Span) : Expr(Span);

/// <summary><c>c ? a : b</c>.</summary>
public sealed record ConditionalExpr(Expr Condition, Expr Then, Expr Else, SourceSpan Span) : Expr(Span);

/// <summary><c>e[i]</c>.</summary>
public sealed record IndexExpr(Expr Array, Expr Index, SourceSpan Span) : Expr(Span);

/// <summary>A call of a primitive or macro: <c>READ_ONCE(*x)</c>, <c>smp_mb()</c>, <c>ATOMIC_INIT(1)</c>.</summary>
public sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, SourceSpan NameSpan, SourceSpan Span) : Expr(Span);

/// <summary><c>lhs = rhs</c> and the compound forms (<c>+=</c>, ...); <see cref="Operator"/> is <c>"="</c> or the compound operator.</summary>
public sealed record AssignExpr(Expr Target, string Operator, Expr Value, SourceSpan Span) : Expr(Span);

/// <summary><c>(int *)e</c>.</summary>
public sealed record CastExpr(TypeName Type, Expr Operand, SourceSpan Span) : Expr(Span);

/// <summary>
/// A call of an event-generating builtin, e.g. <c>__load{ONCE}(X)</c>,
/// <c>__fence{MB}</c> (no arguments), <c>__atomic_op{NORETURN}(X,+,V)</c>: a call with tags in braces,
/// or of a name starting with <c>__</c> (<c>__lock(X)</c>, no tags). Normally found in macro bodies;
/// a thread that calls a builtin directly gets one too.
/// </summary>
public sealed record PrimitiveExpr(string Primitive, IReadOnlyList<string> Tags, IReadOnlyList<Expr> Arguments, SourceSpan Span) : Expr(Span);

/// <summary>Macro bodies only: an operator passed as an argument, as in <c>__atomic_op{NORETURN}(X,&amp;~,V)</c>.</summary>
public sealed record OperatorArgExpr(string Operator, SourceSpan Span) : Expr(Span);

namespace Litmus.Syntax.Ast;

/// <summary>A parsed litmus test: immutable, every part carries its source span.</summary>
public sealed record LitmusTest(
    string Path,
    string Arch,
    string Name,
    SourceSpan NameSpan,
    IReadOnlyList<InitItem> Init,
    IReadOnlyList<ThreadDecl> Threads,
    ScopeTree? Scopes,
    IReadOnlyList<Operand> ObservedLocations,
    Prop? Filter,
    FinalCondition Condition,
    ExpectedResult? Expected);

/// <summary>
/// The test's own expectation, from the first comment line matching the kernel scripts' pattern
/// <c>^[( ]\* Result: </c>: <see cref="Verdict"/> is its third word (Never, Sometimes, Always, Maybe, DEADLOCK),
/// <see cref="DataRace"/> whether DATARACE follows.
/// </summary>
public sealed record ExpectedResult(string Verdict, bool DataRace, string Line, SourceSpan Span);

/// <summary>One item of the init block.</summary>
/// <param name="Type">The declared type, or null for the untyped forms <c>x=1;</c> and <c>0:r1=x;</c>.</param>
/// <param name="Thread">For a register initialiser <c>0:r1=...</c>, the thread; otherwise null.</param>
/// <param name="Name">The location or register name.</param>
/// <param name="Value">The initial value (<c>1</c>, <c>&amp;x</c>, <c>x</c>, <c>ATOMIC_INIT(1)</c>, ...), or null when absent.</param>
/// <param name="ArraySize">For <c>int a[3];</c>, the size; otherwise null.</param>
public sealed record InitItem(TypeName? Type, int? Thread, string Name, Expr? Value, int? ArraySize, SourceSpan Span);

/// <summary><c>P0(int *x, int **p) { ... }</c>.</summary>
public sealed record ThreadDecl(int Index, string Name, IReadOnlyList<Parameter> Parameters, BlockStmt Body, SourceSpan Span);

public sealed record Parameter(TypeName Type, string Name, SourceSpan Span);

/// <summary>herd's scope tree, e.g. <c>scopes: (system (proc P0 P1) (proc P2))</c>.</summary>
public sealed record ScopeTree(string Kind, IReadOnlyList<int> Threads, IReadOnlyList<ScopeTree> Children, SourceSpan Span);

public enum Quantifier { Exists, NotExists, Forall }

public sealed record FinalCondition(Quantifier Quantifier, Prop Proposition, SourceSpan Span);

/// <summary>Propositions of the final condition and of <c>filter</c>.</summary>
public abstract record Prop(SourceSpan Span)
{
    /// <summary>
    /// The values a proposition reads, left to right: each comparison's left side, and its right side when that is
    /// a register or <c>*x</c> (a bare name on the right is the location's address, as in <c>0:r0=x</c>).
    /// </summary>
    public static IEnumerable<Operand> Operands(Prop? p) => p switch
    {
        NotProp n => Operands(n.Operand),
        AndProp a => Operands(a.Left).Concat(Operands(a.Right)),
        OrProp o => Operands(o.Left).Concat(Operands(o.Right)),
        ImpliesProp i => Operands(i.Left).Concat(Operands(i.Right)),
        CompareProp c => c.Right is RegisterOperand or ValueOfOperand ? [c.Left, c.Right] : [c.Left],
        _ => [],
    };
}

public sealed record TrueProp(SourceSpan Span) : Prop(Span);
public sealed record FalseProp(SourceSpan Span) : Prop(Span);
public sealed record NotProp(Prop Operand, SourceSpan Span) : Prop(Span);
public sealed record AndProp(Prop Left, Prop Right, SourceSpan Span) : Prop(Span);
public sealed record OrProp(Prop Left, Prop Right, SourceSpan Span) : Prop(Span);
public sealed record ImpliesProp(Prop Left, Prop Right, SourceSpan Span) : Prop(Span);

/// <summary><c>left = right</c> (or <c>!=</c> when <see cref="Negated"/>).</summary>
public sealed record CompareProp(Operand Left, Operand Right, bool Negated, SourceSpan Span) : Prop(Span);

/// <summary>Operands of the condition and of <c>locations [...]</c>.</summary>
public abstract record Operand(SourceSpan Span);

/// <summary><c>0:r0</c>: a register's final value.</summary>
public sealed record RegisterOperand(int Thread, string Register, SourceSpan Span) : Operand(Span);

/// <summary>
/// A bare name. On the left of <c>=</c>, and inside <c>locations</c>, it is the final value of the location
/// (<c>x=1</c>); on the right it is the location's address (<c>0:r0=x</c>: r0 points to x).
/// </summary>
public sealed record NameOperand(string Name, SourceSpan Span) : Operand(Span);

/// <summary><c>[x]</c>: the final value of location x, on either side.</summary>
public sealed record ValueOfOperand(string Name, SourceSpan Span) : Operand(Span);

/// <summary>An integer constant.</summary>
public sealed record ConstantOperand(long Value, SourceSpan Span) : Operand(Span);

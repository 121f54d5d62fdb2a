namespace Litmus.Syntax.Ast;

/// <summary>A parsed cat (or bell) file.</summary>
public sealed record CatModel(string Path, string? Title, IReadOnlyList<CatStmt> Statements)
{
    /// <summary>
    /// herd's model options written after the title, e.g. <c>withoutco</c> in cos-opt.cat
    /// (<c>withco</c>, <c>withoutco</c>, <c>withinit</c>, <c>withoutinit</c>, <c>withsc</c>, <c>withoutsc</c>).
    /// </summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}

public abstract record CatStmt(SourceSpan Span);

/// <summary><c>let a = e</c>, <c>let f(x) = e</c>, <c>let rec a = e and b = f</c>.</summary>
public sealed record CatLet(bool Recursive, IReadOnlyList<CatBinding> Bindings, SourceSpan Span) : CatStmt(Span);

/// <summary>
/// One binding. <see cref="Parameters"/> is null for a value binding; for a function binding
/// (<c>let f(a,b) = e</c> or <c>let f a = e</c>) it lists the parameter names.
/// </summary>
public sealed record CatBinding(string Name, IReadOnlyList<string>? Parameters, CatExpr Body, SourceSpan Span);

public sealed record CatInclude(string File, SourceSpan Span) : CatStmt(Span);

public enum CatCheckKind { Acyclic, Irreflexive, Empty }

/// <summary>
/// <c>acyclic e as name</c>, <c>~empty e</c>, <c>flag ~empty e as name</c>, <c>undefined_unless empty e</c>.
/// A flag is reported, never enforced.
/// </summary>
public sealed record CatCheck(CatCheckKind Kind, bool Negated, CatExpr Expr, string? Name, bool IsFlag, bool IsUndefinedUnless, SourceSpan Span) : CatStmt(Span);

/// <summary><c>show</c> / <c>unshow</c>: display hints, no meaning for checking.</summary>
public sealed record CatShow(SourceSpan Span) : CatStmt(Span);

/// <summary><c>enum Accesses = 'ONCE || 'RELEASE</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "the node of cat's enum declaration, named after the keyword")]
public sealed record CatEnum(string Name, IReadOnlyList<string> Tags, SourceSpan Span) : CatStmt(Span);

/// <summary><c>instructions R[Accesses]</c>: which tags an event kind may carry.</summary>
public sealed record CatInstructions(string EventKind, CatExpr Annotations, SourceSpan Span) : CatStmt(Span);

/// <summary><c>procedure name(a, b) = stmts end</c>.</summary>
public sealed record CatProcedure(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<CatStmt> Body, SourceSpan Span) : CatStmt(Span);

/// <summary><c>call name(args) as label</c>.</summary>
public sealed record CatCall(string Name, CatExpr Argument, string? As, SourceSpan Span) : CatStmt(Span);

/// <summary><c>with x from e</c>: x ranges over the elements of the set e.</summary>
public sealed record CatWith(string Name, CatExpr From, SourceSpan Span) : CatStmt(Span);

/// <summary>Statement-level <c>if "variant" then stmts else stmts end</c>.</summary>
public sealed record CatIfStmt(CatExpr Condition, IReadOnlyList<CatStmt> Then, IReadOnlyList<CatStmt> Else, SourceSpan Span) : CatStmt(Span);

public abstract record CatExpr(SourceSpan Span);

public sealed record CatName(string Name, SourceSpan Span) : CatExpr(Span);

/// <summary><c>0</c> or <c>{}</c>: the empty set or relation.</summary>
public sealed record CatEmpty(SourceSpan Span) : CatExpr(Span);

/// <summary><c>_</c>: every event (as a set) or every pair (as a relation).</summary>
public sealed record CatUniverse(SourceSpan Span) : CatExpr(Span);

/// <summary><c>'ONCE</c>.</summary>
public sealed record CatTagLiteral(string Tag, SourceSpan Span) : CatExpr(Span);

public sealed record CatStringLiteral(string Value, SourceSpan Span) : CatExpr(Span);

public enum CatBinaryOp
{
    Union,      // |
    Inter,      // &
    Diff,       // \
    Seq,        // ;
    Cartesian,  // *   (S * T)
    Add,        // ++  (add an element to a set)

    // Only in the condition of if: if a = b then ..., if a subset b then ..., if a in b then ...
    Equal,      // =
    Subset,     // subset
    Member,     // in
}

public sealed record CatBinary(CatBinaryOp Op, CatExpr Left, CatExpr Right, SourceSpan Span) : CatExpr(Span);

public enum CatUnaryOp
{
    Inverse,    // e^-1
    Plus,       // e+
    Star,       // e*
    Opt,        // e?
    Complement, // ~e
    Bracket,    // [e]
}

public sealed record CatUnary(CatUnaryOp Op, CatExpr Operand, SourceSpan Span) : CatExpr(Span);

/// <summary><c>f(x)</c>, <c>f(x, y)</c> (argument is a tuple) or <c>f x</c>.</summary>
public sealed record CatApp(CatExpr Function, CatExpr Argument, SourceSpan Span) : CatExpr(Span);

/// <summary><c>(a, b)</c>: the argument of a function of several parameters.</summary>
public sealed record CatTuple(IReadOnlyList<CatExpr> Items, SourceSpan Span) : CatExpr(Span);

/// <summary><c>{a, b, c}</c>: an explicit set (of events, tags or relations).</summary>
public sealed record CatSetLiteral(IReadOnlyList<CatExpr> Items, SourceSpan Span) : CatExpr(Span);

/// <summary><c>fun x -> e</c>, <c>fun (a, b) -> e</c>.</summary>
public sealed record CatFun(IReadOnlyList<string> Parameters, CatExpr Body, SourceSpan Span) : CatExpr(Span);

/// <summary><c>let [rec] a = e [and ...] in body</c>.</summary>
public sealed record CatLetIn(bool Recursive, IReadOnlyList<CatBinding> Bindings, CatExpr Body, SourceSpan Span) : CatExpr(Span);

/// <summary><c>if cond then a else b</c>; the condition is usually a variant name string.</summary>
public sealed record CatIf(CatExpr Condition, CatExpr Then, CatExpr Else, SourceSpan Span) : CatExpr(Span);

/// <summary><c>try e with fallback</c>: fallback when evaluating e fails with any model error (an undefined name, a type error, ...), as in herd.</summary>
public sealed record CatTry(CatExpr Body, CatExpr Fallback, SourceSpan Span) : CatExpr(Span);

/// <summary>
/// <c>match e with || 'a -> x || 'b -> y || _ -> z end</c>: selects by tag;
/// <see cref="Default"/> is the <c>_</c> case, if any.
/// </summary>
public sealed record CatMatch(CatExpr Subject, IReadOnlyList<CatMatchCase> Cases, CatExpr? Default, SourceSpan Span) : CatExpr(Span);

public sealed record CatMatchCase(string Tag, CatExpr Body, SourceSpan Span);

/// <summary>
/// <c>match s with || {} -> e1 || x ++ rest -> e2 end</c>: takes a set apart (herd's standard
/// library defines map and cross with it). <see cref="Element"/> and <see cref="Rest"/> are
/// bound in <see cref="NonEmptyCase"/>; <c>_</c> names an ignored part.
/// </summary>
public sealed record CatMatchSet(CatExpr Subject, CatExpr EmptyCase, string Element, string Rest, CatExpr NonEmptyCase, SourceSpan Span) : CatExpr(Span);

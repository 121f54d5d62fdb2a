using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Plan;

/// <summary>
/// An expression of a compiled model: a cat expression whose names are resolved once, when the model is
/// compiled, to a slot of a frame (or to a builtin, or to a name the execution predefines). Immutable, so one
/// plan serves every test and every worker thread.
/// </summary>
public abstract record PlanExpr(SourceSpan Span);

/// <summary>A name the model binds: <see cref="Depth"/> frames up from the current one, at <see cref="Slot"/>.</summary>
public sealed record LocalRef(string Name, int Depth, int Slot, SourceSpan Span) : PlanExpr(Span);

/// <summary>One of herd's stdlib functions (<c>domain</c>, <c>fencerel</c>, <c>map</c>, ...).</summary>
public sealed record BuiltinRef(string Name, SourceSpan Span) : PlanExpr(Span);

/// <summary>A name the model does not bind: the execution's (<c>po</c>, <c>rf</c>, <c>R</c>, ...), numbered per plan.</summary>
public sealed record PredefinedRef(string Name, int Index, SourceSpan Span) : PlanExpr(Span);

/// <summary>A value that is the same in every run: <c>0</c>, a tag, a string, an enum's tags.</summary>
public sealed record ConstantExpr(CatRuntimeValue Value, SourceSpan Span) : PlanExpr(Span);

/// <summary><c>_</c>.</summary>
public sealed record UniverseExpr(SourceSpan Span) : PlanExpr(Span);

public sealed record PlanBinary(CatBinaryOp Op, PlanExpr Left, PlanExpr Right, SourceSpan Span) : PlanExpr(Span);

public sealed record PlanUnary(CatUnaryOp Op, PlanExpr Operand, SourceSpan Span) : PlanExpr(Span);

public sealed record AppExpr(PlanExpr Function, PlanExpr Argument, SourceSpan Span) : PlanExpr(Span);

public sealed record TupleExpr(IReadOnlyList<PlanExpr> Items, SourceSpan Span) : PlanExpr(Span);

public sealed record SetLiteralExpr(IReadOnlyList<PlanExpr> Items, SourceSpan Span) : PlanExpr(Span);

public sealed record FunExpr(FunctionCode Code, SourceSpan Span) : PlanExpr(Span);

public sealed record LetInExpr(BindingGroup Group, PlanExpr Body, SourceSpan Span) : PlanExpr(Span);

public sealed record TryExpr(PlanExpr Body, PlanExpr Fallback, SourceSpan Span) : PlanExpr(Span);

/// <summary>An error the model makes only if this is evaluated (an unsupported construct in a lazy binding).</summary>
public sealed record FailExpr(string Message, SourceSpan Span) : PlanExpr(Span);

/// <summary>
/// The code of a cat function: a call makes a frame of <see cref="ParameterCount"/> slots (one parameter takes
/// the whole argument; several take a tuple's items), child of the frame the function was defined in.
/// </summary>
public sealed record FunctionCode(string Name, int ParameterCount, PlanExpr Body, SourceSpan Span);

/// <summary>
/// One <c>let</c> or <c>let rec</c> group. Its names live in slots of the current frame (at top level, and in a
/// procedure's body) or of a new frame of <see cref="FrameSize"/> slots (<c>let ... in</c>). In a recursive
/// group, functions see each other; the other bindings are a least fixpoint, whose bodies are evaluated in a
/// frame (child of the group's) that holds the current iterate of each, in the order of <see cref="Plain"/>.
/// </summary>
public sealed record BindingGroup(bool Recursive, IReadOnlyList<PlanBinding> Bindings, bool NewFrame, int FrameSize, SourceSpan Span)
{
    public IReadOnlyList<PlanBinding> Plain { get; } = Bindings.Where(b => b.Function is null).ToList();
}

/// <summary>A binding: a function (<see cref="Function"/>) or a value (<see cref="Body"/>).</summary>
public sealed record PlanBinding(string Name, int Slot, FunctionCode? Function, PlanExpr? Body, SourceSpan Span)
{
    public PlanExpr Value => Body ?? throw new InvalidOperationException($"'{Name}' is a function");
}

/// <summary>A statement of a compiled model, run in order over the current frame.</summary>
public abstract record PlanStep(SourceSpan Span);

public sealed record BindStep(BindingGroup Group) : PlanStep(Group.Span);

public sealed record CheckStep(ModelCheck Check, PlanExpr Expr) : PlanStep(Check.Span);

/// <summary><c>enum Name = 'a || 'b</c>: each tag's events under its capitalised name, and the tags under the enum's name.</summary>
public sealed record EnumStep(IReadOnlyList<(string Tag, int Slot)> Tags, int NameSlot, CatRuntimeValue AllTags, SourceSpan Span) : PlanStep(Span);

public sealed record InstructionsStep(string EventKind, PlanExpr Annotations, SourceSpan Span) : PlanStep(Span);

/// <summary>
/// <c>call p(arg)</c>: the procedure's body, compiled for this call, runs in a frame of <see cref="FrameSize"/> slots
/// (its parameters, then its own bindings), child of the frame the procedure was defined in.
/// </summary>
public sealed record CallStep(int DefinitionDepth, int ParameterCount, int FrameSize, PlanExpr Argument, IReadOnlyList<PlanStep> Body, SourceSpan Span) : PlanStep(Span);

/// <summary><c>with x from S</c>.</summary>
public sealed record WithStep(int Slot, PlanExpr From, SourceSpan Span) : PlanStep(Span);

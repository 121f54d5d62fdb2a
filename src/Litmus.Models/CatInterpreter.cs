using Litmus.Models.Plan;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>Finds the files a model includes (<c>include "lock.cat"</c>).</summary>
public interface IModelResolver
{
    /// <summary>Loads <paramref name="file"/> as seen from <paramref name="includingFile"/>; throws a positioned error when absent.</summary>
    CatModel Load(string file, string includingFile, SourceSpan span);
}

/// <summary>
/// Runs a compiled model (<see cref="CatPlan"/>) over a relation algebra. The plan knows the language (scoping,
/// functions, which names are which); the interpreter computes values (fixpoints, checks, lazy bindings); the
/// algebra knows what sets and relations are. One interpreter is one run over one execution (symbolic or
/// concrete); the plan is shared.
/// </summary>
public sealed partial class CatInterpreter<TSet, TRel> where TSet : class where TRel : class
{
    private readonly IRelationAlgebra<TSet, TRel> _algebra;
    private readonly IModelResolver _resolver;
    private readonly IReadOnlySet<string> _variants;
    /// <summary>herd's stdlib over this run's algebra, each function made when the model first uses it.</summary>
    private readonly Dictionary<string, CatRuntimeValue> _builtins = new(StringComparer.Ordinal);

    private CatRuntimeValue? BuiltinFunction(string name)
    {
        if (_builtins.TryGetValue(name, out var known)) return known;
        if (Builtin(name) is not { } made) return null;
        _builtins[name] = made;
        return made;
    }
    private readonly Frame _top = new(null, 0);
    private CatRuntimeValue?[] _predefined = [];
    /// <summary>The plan last run (names for <see cref="Lookup"/>).</summary>
    private CatPlan? _plan;
    /// <summary>Compiles the files given to <see cref="Run(CatModel)"/> one after the other.</summary>
    private CatCompiler? _compiler;

    /// <summary>Top-level values kept across runs over one test (null: every run evaluates every binding).</summary>
    private readonly RunInvariantValues? _invariant;

    public CatInterpreter(IRelationAlgebra<TSet, TRel> algebra, IModelResolver resolver, IReadOnlySet<string>? variants = null,
        RunInvariantValues? invariant = null)
    {
        _algebra = algebra;
        _invariant = invariant;
        _boundsAreExact = algebra.BoundsAreExact;
        _resolver = resolver;
        _variants = variants ?? new HashSet<string>();
    }

    /// <summary>
    /// Compiles and runs one file, continuing from the files run before (a bell file, then a cat file). For many
    /// runs of one model, compile it once (<see cref="CatPlan.Compile"/>) and use <see cref="Run(CatPlan)"/>.
    /// </summary>
    public void Run(CatModel model)
    {
        _compiler ??= new CatCompiler(_resolver, _variants);
        var steps = _compiler.CompileFile(model);
        Run(_compiler.Snapshot(steps));
    }

    /// <summary>Runs the plan's statements, in order: each binding fills slots of the top frame, each check goes to the algebra.</summary>
    public void Run(CatPlan plan)
    {
        plan.CheckNamesBound(_algebra.GetType(), name => _algebra.Predefined(name) is not null);
        _plan = plan;
        _top.Grow(plan.TopFrameSize);
        if (_predefined.Length < plan.PredefinedNames.Count) Array.Resize(ref _predefined, plan.PredefinedNames.Count);
        Execute(plan.Steps, _top);
    }

    /// <summary>Evaluates a name bound by the model or predefined by the algebra, or null if there is none.</summary>
    public CatRuntimeValue? Lookup(string name)
    {
        if (_plan is not null && _plan.TopNames.TryGetValue(name, out var slot) && _top.Slots[slot] is { } v)
            return v is LazyValue l ? l.Force(true) : v;
        return BuiltinFunction(name) ?? (_algebra.Predefined(name) is { } p ? FromSetOrRel(p) : null);
    }

    private void Execute(IReadOnlyList<PlanStep> steps, Frame frame)
    {
        foreach (var s in steps)
        {
            if (_algebra.Finished) return;
            switch (s)
            {
                case BindStep b:
                    Bind(b.Group, frame);
                    break;
                case CheckStep c:
                    RunCheck(c, frame);
                    break;
                case EnumStep en:
                    foreach (var (tag, slot) in en.Tags) frame.Slots[slot] = SetOf(_algebra.Tagged(tag));
                    frame.Slots[en.NameSlot] = en.AllTags;
                    break;
                case InstructionsStep ins:
                    if (!_algebra.WantsInstructions) break;
                    var tags = Eval(ins.Annotations, frame);
                    _algebra.DeclareInstructions(ins.EventKind, TagsOf(tags, ins.Annotations.Span), ins.Span);
                    break;
                case CallStep call:
                    var arg = Eval(call.Argument, frame);
                    Execute(call.Body, BindParameters(frame.Up(call.DefinitionDepth), call.ParameterCount, arg, call.Span, call.FrameSize));
                    break;
                case WithStep with:
                    With(with, frame);
                    break;
                default:
                    throw new LitmusInputException(s.Span, "this cat statement is not supported");
            }
        }
    }

    /// <summary>
    /// Whether the expression being evaluated needs its exact value. An axiom that says a relation is acyclic,
    /// irreflexive or empty is only harder to satisfy when the relation is larger, so a closure that feeds it
    /// positively may be any relation containing the true closure: the algebra then needs only lower bounds
    /// (far cheaper than an exact closure). Everything under a negation (the right of \, a complement), every
    /// flag and every negated check is exact.
    /// </summary>
    private bool _exact = true;

    /// <summary>The algebra's closures are exact in any mode (<see cref="IRelationAlgebra{TSet,TRel}.BoundsAreExact"/>): one mode only.</summary>
    private readonly bool _boundsAreExact;

    private CatRuntimeValue InMode(bool exact, PlanExpr e, Frame frame)
    {
        var saved = _exact;
        _exact = exact || _boundsAreExact;
        try { return Eval(e, frame); }
        finally { _exact = saved; }
    }

    private T InMode<T>(bool exact, Func<T> f)
    {
        var saved = _exact;
        _exact = exact || _boundsAreExact;
        try { return f(); }
        finally { _exact = saved; }
    }

    private void RunCheck(CheckStep step, Frame frame)
    {
        var value = InMode(!step.Check.LowerBoundSuffices, step.Expr, frame);
        _algebra.Check(step.Check, AsSetOrRel(value, step.Expr.Span));
    }

    private static List<string> TagsOf(CatRuntimeValue v, SourceSpan span) => v switch
    {
        CollectionValue c => c.Items.Select(i => i is TagValue t ? t.Tag
            : throw new LitmusInputException(span, "expected a set of tags")).ToList(),
        TagValue t => [t.Tag],
        EmptyValue => [],
        _ => throw new LitmusInputException(span, $"expected a set of tags, found {v.Kind}"),
    };
}

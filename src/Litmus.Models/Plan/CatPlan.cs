using System.Collections.Concurrent;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Plan;

/// <summary>
/// A model compiled once per run: its files' statements in order (includes read in place, <c>if "variant"</c>
/// decided, procedures compiled at each call), every name resolved to a frame slot. Immutable: the tests of
/// a run and their worker threads share one plan, and each run of it over an algebra
/// (<see cref="CatInterpreter{TSet,TRel}.Run(CatPlan)"/>) only computes values.
/// </summary>
public sealed class CatPlan
{
    public required IReadOnlyList<PlanStep> Steps { get; init; }

    /// <summary>Slots of the top-level frame (every top-level binding has its own, even one that shadows another).</summary>
    public required int TopFrameSize { get; init; }

    /// <summary>The top-level names the model defines, as the end of the model sees them.</summary>
    public required IReadOnlyDictionary<string, int> TopNames { get; init; }

    /// <summary>The names the model uses but does not bind, by <see cref="PredefinedRef.Index"/>.</summary>
    public required IReadOnlyList<string> PredefinedNames { get; init; }

    /// <summary>
    /// Names the model uses outside <c>try</c> without binding them, with where: each must be predefined by the
    /// execution. Bindings are lazy, so a misspelt name in a definition nothing uses would otherwise go unnoticed.
    /// </summary>
    public required IReadOnlyList<(string Name, SourceSpan Span)> MustBePredefined { get; init; }

    /// <summary>The uniproc and atomicity axioms, when the model states them plainly (see <see cref="Plan.KnownAxioms"/>).</summary>
    public KnownAxioms KnownAxioms => _knownAxioms ??= KnownAxioms.Of(this);

    private KnownAxioms? _knownAxioms;

    /// <summary>Whether the model raises flags (a flag is only known not to be raised once every allowed execution is seen).</summary>
    public bool HasFlags => _hasFlags ??= HasFlag(Steps);

    private bool? _hasFlags;

    private static bool HasFlag(IEnumerable<PlanStep> steps) => steps.Any(s => s switch
    {
        CheckStep c => c.Check.Role != CheckRole.Axiom,
        CallStep call => HasFlag(call.Body),
        _ => false,
    });

    /// <summary>The algebras (by type) whose predefined names were found to cover <see cref="MustBePredefined"/>.</summary>
    private readonly ConcurrentDictionary<Type, bool> _namesChecked = new();

    /// <summary>Compiles <paramref name="files"/> (a bell file, then a cat file) as one model.</summary>
    public static CatPlan Compile(IModelResolver resolver, IReadOnlySet<string> variants, params CatModel[] files)
    {
        var compiler = new CatCompiler(resolver, variants);
        var steps = files.SelectMany(compiler.CompileFile).ToList();
        return compiler.Snapshot(steps);
    }

    /// <summary>Throws the first unbound name, once per algebra type (the names an execution predefines depend on the model, not the test).</summary>
    internal void CheckNamesBound(Type algebra, Func<string, bool> isPredefined)
    {
        if (_namesChecked.ContainsKey(algebra)) return;
        foreach (var (name, span) in MustBePredefined)
            if (!isPredefined(name)) throw new LitmusInputException(span, $"unbound name '{name}'");
        _namesChecked[algebra] = true;
    }
}

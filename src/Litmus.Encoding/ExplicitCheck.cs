using Litmus.Logic;
using Litmus.Models;
using Litmus.Models.Explicit;
using Litmus.Syntax;

namespace Litmus.Encoding;

/// <summary>
/// What the model says of one concrete execution: the axioms it violates (by name, one entry per failing check)
/// and the flags it raises, each with every name the model checks, in the model's order.
/// </summary>
public sealed record ExplicitVerdict(
    IReadOnlyList<string> Failed, IReadOnlyList<string> Raised, IReadOnlyList<string> Axioms, IReadOnlyList<string> Flags)
{
    public bool Allowed => Failed.Count == 0 && !NotAnExecution;

    /// <summary>What the model's linearisations picked, as text ("" when it has none): part of what tells executions apart.</summary>
    public string Picks { get; init; } = "";

    /// <summary>
    /// The candidate is none of the model's executions (a model that generates co generates no order like the
    /// candidate's): it is neither allowed nor forbidden, and the lists above are cut where the model found out.
    /// </summary>
    public bool NotAnExecution { get; init; }
}

/// <summary>
/// Decides whether ONE concrete execution is allowed, without the solver: the model runs again over bit-set
/// relations (<see cref="ConcreteAlgebra"/>) whose predefined names are the encoding's, evaluated under the
/// execution's assignment, and each axiom is simply true or false, as herd checks it. The encoding is exact, so
/// every execution the solver finds must pass (<see cref="Allows"/> is self-checked against it), and an
/// execution that passes is one the solver could have found.
/// </summary>
public sealed class ExplicitCheck(TestEncoding enc)
{
    /// <summary>Runs of the model so far (for measurements).</summary>
    public int Runs { get; private set; }

    private readonly StaticValues _shared = new();
    private readonly RunInvariantValues _invariant = new();

    /// <summary>
    /// Whether the model allows the execution that <paramref name="eval"/> assigns (and the test's filter keeps it).
    /// The assignment must satisfy the execution's own definitions (rf, co, values). Null when the explicit check
    /// does not apply: the model makes a choice, a fixpoint does not settle, or a name is not assigned.
    /// </summary>
    public bool? Allows(TermEvaluator eval) => Violated(eval) is { } failed ? failed.Count == 0 : null;

    /// <summary>The axioms the execution violates (empty: allowed), or null when the explicit check does not apply (see <see cref="Allows"/>).</summary>
    public IReadOnlyList<string>? Violated(TermEvaluator eval)
    {
        if (Run(eval, complete: false) is not { } verdict) return null;
        if (verdict.NotAnExecution) return ["not an execution of the model"];
        return eval.Bool(enc.Filter) ? verdict.Failed : [.. verdict.Failed, "filter"];
    }

    /// <summary>
    /// The model's verdict on the execution (the test's filter is not applied), or null when the explicit check
    /// does not apply (see <see cref="Allows"/>), or when the model gives rf or co a meaning of its own (upstream
    /// lock.cat): the execution's rf and co are then not the model's. Unless <paramref name="complete"/>, the
    /// model stops at the first failed axiom: the verdict then names only that one.
    /// </summary>
    public ExplicitVerdict? Run(TermEvaluator eval, bool complete = true)
    {
        if (enc.Model is not { } model) return null;
        Runs++;
        try
        {
            var algebra = new ConcreteAlgebra(enc.Execution, eval, _shared) { StopAtFirstFailure = !complete, WantsInstructions = Runs == 1 };
            var interpreter = new CatInterpreter<EventSet, EventRelation>(algebra, model.Resolver, model.Variants, _invariant);
            try
            {
                interpreter.Run(model.Plan);
            }
            catch (NotAnExecutionException)
            {
                return new ExplicitVerdict([], [], algebra.CheckedAxioms, algebra.CheckedFlags) { NotAnExecution = true };
            }
            if (!Keeps(interpreter, algebra, "rf") || !Keeps(interpreter, algebra, "co")) return null;
            return new ExplicitVerdict(algebra.FailedAxioms, algebra.RaisedFlags, algebra.CheckedAxioms, algebra.CheckedFlags)
            {
                Picks = algebra.Picked.Count == 0 ? "" : string.Join(";", algebra.Picked.Select(p => string.Join(",", p))),
            };
        }
        catch (Exception e) when (e is ExplicitCheckNotApplicableException or UnassignedVariableException or LitmusInputException)
        {
            return null;
        }
        finally
        {
            // The verdict holds names only: the run's relations can serve the next run.
            _shared.ReleaseScratch();
        }
    }

    /// <summary>
    /// Whether the model's relation of that name, at its end, is the execution's (a model that gives it other pairs
    /// must be encoded): upstream lock.cat rebinds rf and co, adding the lock events' pairs, which a test without
    /// locks does not have.
    /// </summary>
    private static bool Keeps(CatInterpreter<EventSet, EventRelation> interpreter, ConcreteAlgebra algebra, string name) =>
        interpreter.Lookup(name) is not RelValue<EventRelation> r || algebra.Predefined(name) is not { } p || p.IsSet
        || ReferenceEquals(r.Rel, p.Rel) || r.Rel.SameAs(p.Rel);
}

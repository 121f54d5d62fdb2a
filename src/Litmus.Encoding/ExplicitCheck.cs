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
    /// does not apply (see <see cref="Allows"/>), or when the model gives rf or co pairs the candidate cannot
    /// carry. Unless <paramref name="complete"/>, the model stops at the first failed axiom: the verdict then
    /// names only that one. A model with <c>with x from S</c> choices runs once per pick, as herd runs it; the
    /// execution is the run whose rf and co are the candidate's (see <see cref="Once"/>).
    /// </summary>
    public ExplicitVerdict? Run(TermEvaluator eval, bool complete = true)
    {
        if (enc.Model is null) return null;
        ExplicitVerdict? matched = null, last = null;
        List<int> script = [];
        while (true)
        {
            var (outcome, verdict, counts) = Once(eval, complete, script);
            switch (outcome)
            {
                case Outcome.Unrepresented: return null;
                // Two picks that are both this candidate: the model tells apart what the candidate does not.
                case Outcome.Matched when matched is not null: return null;
                case Outcome.Matched: matched = verdict; break;
            }
            last = verdict;
            // The next pick, odometer-wise: the last choice that has another option takes it, later ones start over.
            var picks = counts.Select((_, i) => i < script.Count ? script[i] : 0).ToList();
            var at = picks.Count - 1;
            while (at >= 0 && picks[at] + 1 >= counts[at]) at--;
            if (at < 0) break;
            script = [.. picks.Take(at), picks[at] + 1];
        }
        return matched ?? last! with { NotAnExecution = true };
    }

    private enum Outcome
    {
        /// <summary>The run's execution is this candidate.</summary>
        Matched,
        /// <summary>The run's execution is another candidate (or the candidate is none of the model's): nothing to count here.</summary>
        Elsewhere,
        /// <summary>The run's execution is allowed and no candidate carries its rf and co: the solver must decide.</summary>
        Unrepresented,
    }

    /// <summary>
    /// One run of the model over the execution, its <c>with</c> choices picking as <paramref name="script"/> says.
    /// Returns the verdict, whether the run's execution is this candidate, and how many options each choice had.
    /// </summary>
    private (Outcome, ExplicitVerdict, List<int> Counts) Once(TermEvaluator eval, bool complete, IReadOnlyList<int> script)
    {
        var model = enc.Model!;
        Runs++;
        try
        {
            var algebra = new ConcreteAlgebra(enc.Execution, eval, _shared)
            {
                StopAtFirstFailure = !complete, WantsInstructions = Runs == 1, ChoiceScript = script,
            };
            var interpreter = new CatInterpreter<EventSet, EventRelation>(algebra, model.Resolver, model.Variants, _invariant);
            try
            {
                interpreter.Run(model.Plan);
            }
            catch (NotAnExecutionException)
            {
                return (Outcome.Elsewhere, new ExplicitVerdict([], [], algebra.CheckedAxioms, algebra.CheckedFlags) { NotAnExecution = true },
                    algebra.ChoiceCounts);
            }
            var verdict = new ExplicitVerdict(algebra.FailedAxioms, algebra.RaisedFlags, algebra.CheckedAxioms, algebra.CheckedFlags)
            {
                Picks = algebra.Picked.Count == 0 ? "" : string.Join(";", algebra.Picked.Select(p => string.Join(",", p))),
            };
            return (Represented(interpreter, algebra, verdict), verdict, algebra.ChoiceCounts);
        }
        catch (Exception e) when (e is ExplicitCheckNotApplicableException or UnassignedVariableException or LitmusInputException)
        {
            return (Outcome.Unrepresented, null!, []);
        }
        finally
        {
            // The verdict holds names only: the run's relations can serve the next run.
            _shared.ReleaseScratch();
        }
    }

    /// <summary>
    /// Whether the run's execution is this candidate. A model that orders the lock events itself (upstream lock.cat,
    /// over a candidate that carries them: see ExecutionRelations.ModelOrdersLocks) ends with rf and co of its own:
    /// when they are not the candidate's, the run's execution belongs to the candidate that has them, which the
    /// listing meets too (with the same model run: the model sees the same R, W, rf and values). That holds when
    /// they are an execution's (<see cref="ConcreteAlgebra.IsCandidateShaped"/>), or when the run is forbidden
    /// anyway. Other models must keep the execution's rf and co (the solver decides when they rebind them).
    /// </summary>
    private Outcome Represented(CatInterpreter<EventSet, EventRelation> interpreter, ConcreteAlgebra algebra, ExplicitVerdict verdict)
    {
        if (!enc.Execution.ModelOrdersLocks)
            return Keeps(interpreter, algebra, "rf") && Keeps(interpreter, algebra, "co") ? Outcome.Matched : Outcome.Unrepresented;
        // A candidate without a co of its own (the model makes co from nothing) is none to compare with.
        if (algebra.CandidateCo is not { } candidateCo) return Outcome.Unrepresented;
        // A run stopped at a failed axiom may not have made co yet.
        var (rf, co) = (interpreter.Lookup("rf") as RelValue<EventRelation>, interpreter.Lookup("co") as RelValue<EventRelation>);
        if (rf is not null && co is not null && rf.Rel.SameAs(algebra.CandidateRf) && co.Rel.SameAs(candidateCo))
            return Outcome.Matched;
        if (!verdict.Allowed) return Outcome.Elsewhere;
        return rf is not null && co is not null && algebra.IsCandidateShaped(rf.Rel, co.Rel) ? Outcome.Elsewhere : Outcome.Unrepresented;
    }

    /// <summary>
    /// Whether the model's relation of that name, at its end, is the execution's (a model that gives it other pairs
    /// must be encoded).
    /// </summary>
    private static bool Keeps(CatInterpreter<EventSet, EventRelation> interpreter, ConcreteAlgebra algebra, string name) =>
        interpreter.Lookup(name) is not RelValue<EventRelation> r || algebra.Predefined(name) is not { } p || p.IsSet
        || ReferenceEquals(r.Rel, p.Rel) || r.Rel.SameAs(p.Rel);
}

using Litmus.Logic;
using Litmus.Models;
using Litmus.Models.Explicit;
using Litmus.Syntax;

namespace Litmus.Encoding;

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

    /// <summary>
    /// Whether the model allows the execution that <paramref name="eval"/> assigns (and the test's filter keeps it).
    /// The assignment must satisfy the execution's own definitions (rf, co, values). Null when the explicit check
    /// does not apply: the model makes a choice, a fixpoint does not settle, or a name is not assigned.
    /// </summary>
    public bool? Allows(TermEvaluator eval) => Violated(eval) is { } failed ? failed.Count == 0 : null;

    /// <summary>The axioms the execution violates (empty: allowed), or null when the explicit check does not apply (see <see cref="Allows"/>).</summary>
    public IReadOnlyList<string>? Violated(TermEvaluator eval)
    {
        if (enc.Model is not { } model) return null;
        Runs++;
        try
        {
            var algebra = new ConcreteAlgebra(enc.Execution, eval, _shared);
            new CatInterpreter<EventSet, EventRelation>(algebra, model.Resolver, model.Variants).Run(model.Plan);
            var failed = algebra.FailedAxioms;
            if (!eval.Bool(enc.Filter)) failed.Add("filter");
            return failed;
        }
        catch (Exception e) when (e is ExplicitCheckNotApplicableException or UnassignedVariableException or LitmusInputException)
        {
            return null;
        }
    }
}

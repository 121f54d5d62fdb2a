using Litmus.Models.Plan;

namespace Litmus.Models;

/// <summary>
/// The values of a model's top-level bindings that are the same in every run over one test (the algebra says which:
/// <see cref="IRelationAlgebra{TSet,TRel}.IsRunInvariant(TRel)"/>), kept from one run to the next. The explicit
/// check runs the model once per candidate execution; on LKMM half of its bindings (ppo, the fences, the static parts
/// of the RCU relations) do not depend on the candidate, and a later run takes them as they are instead of walking
/// their definitions again. Keyed by the plan's bindings (by reference), so one store serves one plan.
/// </summary>
public sealed class RunInvariantValues
{
    private readonly Dictionary<PlanBinding, CatRuntimeValue> _values = new(ReferenceEqualityComparer.Instance);

    internal CatRuntimeValue? Get(PlanBinding b) => _values.GetValueOrDefault(b);

    internal void Keep(PlanBinding b, CatRuntimeValue v) => _values[b] = v;
}

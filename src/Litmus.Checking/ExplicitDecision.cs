using Litmus.Encoding;
using Litmus.Logic;
using Litmus.Models.Explicit;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>
/// Decides a test by running the model on every candidate execution, herd's way: no symbolic encoding of the
/// model, no solver. Exact, like the solver's answers (every candidate is built and checked;
/// <c>ExplicitDecisionTests</c> holds the two to the same results), and much cheaper on a test with few candidates.
/// </summary>
internal static class ExplicitDecision
{
    /// <summary>
    /// Decides <paramref name="enc"/> (prepared: the model not encoded) over its candidates, or null when that does
    /// not apply (a <c>with</c> choice, a model that redefines rf or co, values on a cycle, membarrier, more than
    /// <see cref="CheckOptions.ExplicitCandidateLimit"/> candidates or more than <see cref="CheckOptions.ExplicitRunLimit"/> to check
    /// before the answer is known, none at all): the solver decides it then.
    /// </summary>
    /// <param name="throwIfSpent">Throws <see cref="OperationCanceledException"/> once the test's time limit is reached.</param>
    public static Decision? Decide(TestEncoding enc, CheckOptions options, Action throwIfSpent)
    {
        var candidateLimit = options.ExplicitCandidateLimit;
        if (candidateLimit == 0) return null;
        // With flags, every candidate is run (a flag not raised is only known once all are seen): more candidates
        // than the run budget would spend it and then go to the solver anyway.
        if (enc.Model!.Plan.HasFlags) candidateLimit = Math.Min(candidateLimit, options.ExplicitRunLimit);
        throwIfSpent();
        if (enc.Program.Membarriers.Count > 0) return null;
        // With a witness, a Never outcome is explained by the axioms that alone forbid it, which needs the candidates
        // that only uniproc or atomicity forbid: they are not pruned then.
        var executions = new ConcreteExecutions(enc) { PruneByKnownAxioms = !options.Witness };
        if (!executions.HasCandidatesWithin(candidateLimit, Math.Max(candidateLimit, 4096), throwIfSpent)) return null;
        try
        {
            return Run(enc, options, executions, throwIfSpent);
        }
        catch (ExplicitCheckNotApplicableException)
        {
            return null;
        }
    }

    private static Decision? Run(TestEncoding enc, CheckOptions options, ConcreteExecutions executions, Action throwIfSpent)
    {
        var check = new ExplicitCheck(enc);
        bool hold = false, fail = false;
        ExplicitVerdict? first = null;
        var raised = new HashSet<string>(StringComparer.Ordinal);
        var forbidding = new HashSet<string>(StringComparer.Ordinal);
        Witness? witness = null;
        var states = new Dictionary<string, FinalState>(StringComparer.Ordinal);
        HashSet<string> positive = new(StringComparer.Ordinal), negative = new(StringComparer.Ordinal);
        var identity = options.States && options.CountExecutions ? enc.ExecutionChoices().Choices : null;
        var guards = enc.Program.Events.Select(e => e.Guard).Where(g => !g.IsConstant).Distinct().ToList();
        var runsLeft = options.ExplicitRunLimit;
        foreach (var x in executions.All())
        {
            throwIfSpent();
            if (runsLeft-- == 0) return null;
            var eval = x.Evaluator();
            // The first run, complete, names every axiom and flag and lets the annotations be checked; after it, the
            // filter and the proposition are read first. Only the axioms that alone forbid the outcome need the
            // whole model on an execution that is not allowed.
            var kept = eval.Bool(enc.Filter);
            if (!kept && first is not null) continue;
            var satisfies = eval.Bool(enc.Condition);
            var complete = first is null || (options.Witness && satisfies && !hold);
            if (check.Run(eval, complete) is not { } verdict) return null;
            if (first is null)
            {
                first = verdict;
                enc.CheckAnnotations();
            }
            if (!kept) continue;
            if (!verdict.Allowed)
            {
                if (satisfies && verdict.Failed.Count == 1) forbidding.Add(verdict.Failed[0]);
                continue;
            }
            if (satisfies)
            {
                hold = true;
                if (options.Witness && witness is null) witness = WitnessReader.Read(enc, new EvaluatedModel(eval));
            }
            else fail = true;
            raised.UnionWith(verdict.Raised);
            if (options.States)
            {
                var state = StateEnumerator.State(enc, enc.Observed.Select(o => (o, eval.Bool(o.Determined) ? eval.Value(o.Value) : (long?)null)), satisfies);
                states.TryAdd(state.ToString(), state);
                if (identity is not null)
                    (satisfies ? positive : negative).Add(string.Concat(identity.Concat(guards).Select(t => eval.Bool(t) ? '1' : '0')));
            }
            else if (hold && fail && raised.Count == first.Flags.Distinct().Count()) break; // nothing more to learn
        }
        if (first is null) return null;
        var flags = first.Flags.Distinct().Where(raised.Contains).ToList();
        var forbiddenBy = !hold && fail && options.Witness ? first.Axioms.Distinct().Where(forbidding.Contains).ToList() : [];
        var listing = !options.States ? null
            : new ExecutionListing(states.Values.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList(),
                identity is null ? null : positive.Count, identity is null ? null : negative.Count);
        return new Decision(hold, fail, flags, witness, forbiddenBy, listing);
    }

    /// <summary>An explicit execution seen as a solver model (to read a witness off it).</summary>
    private sealed class EvaluatedModel(TermEvaluator eval) : IModel
    {
        public bool EvalBool(Term t) => eval.Bool(t);
        public long EvalWord(Term t) => eval.Value(t);
        public long EvalInt(Term t) => eval.Value(t);
    }
}

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
    /// not apply (a model that gives rf or co pairs no candidate has, a candidate the model allows with values that
    /// flow in a cycle, membarrier, more than
    /// <see cref="CheckOptions.ExplicitCandidateLimit"/> candidates or more than <see cref="CheckOptions.ExplicitRunLimit"/> to check
    /// before the answer is known, none at all): the solver decides it then.
    /// </summary>
    /// <param name="throwIfSpent">Throws <see cref="OperationCanceledException"/> once the test's time limit is reached.</param>
    /// <param name="another">Makes another encoding of the same test, for workers that share a long listing out (see <see cref="CheckOptions.ListingWorkers"/>).</param>
    public static Decision? Decide(TestEncoding enc, CheckOptions options, Action throwIfSpent, Func<TestEncoding>? another = null)
    {
        var candidateLimit = options.ExplicitCandidateLimit;
        if (candidateLimit == 0) return null;
        // With flags, every candidate is run (a flag not raised is only known once all are seen): more candidates
        // than the run budget would spend it and then go to the solver anyway.
        if (enc.Model!.Plan.HasFlags) candidateLimit = Math.Min(candidateLimit, options.ExplicitRunLimit);
        throwIfSpent();
        if (enc.Program.Membarriers.Count > 0) return null;
        var executions = Candidates(enc, options);
        if (!executions.HasCandidatesWithin(candidateLimit, Math.Max(candidateLimit, 4096), throwIfSpent)) return null;
        try
        {
            return Run(enc, options, executions, throwIfSpent, another);
        }
        catch (ExplicitCheckNotApplicableException)
        {
            return null;
        }
    }

    /// <summary>
    /// The test's candidates. With a witness, a Never outcome is explained by the axioms that alone forbid it, which
    /// needs the candidates that only uniproc or atomicity forbid: they are not pruned then.
    /// </summary>
    private static ConcreteExecutions Candidates(TestEncoding enc, CheckOptions options) => new(enc) { PruneByKnownAxioms = !options.Witness };

    private static Decision? Run(TestEncoding enc, CheckOptions options, ConcreteExecutions executions, Action throwIfSpent,
        Func<TestEncoding>? another)
    {
        var workers = another is null || !options.States || options.Witness ? 1
            : executions.CandidateUpperBound() < options.ListingSharedFrom ? 1 : Math.Max(1, options.ListingWorkers);
        if (workers == 1) return Tally.Over(enc, options, executions, throwIfSpent, 0, 1)?.Decision(options);
        // Each worker has an encoding of its own (the term factory, the execution's caches and the model's static
        // values are not shared), enumerates every candidate (the cheap part) and runs the model on its share.
        var tallies = new Tally?[workers];
        var failures = new Exception?[workers];
        var threads = Enumerable.Range(1, workers - 1).Select(k => CheckerThread.Start(() =>
        {
            try
            {
                var own = another!();
                tallies[k] = Tally.Over(own, options, Candidates(own, options), throwIfSpent, k, workers);
            }
            catch (Exception e) { failures[k] = e; }
        }, $"litmus-listing-{k}")).ToList();
        try { tallies[0] = Tally.Over(enc, options, executions, throwIfSpent, 0, workers); }
        catch (Exception e) { failures[0] = e; }
        foreach (var t in threads) t.Join();
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        if (tallies.Any(t => t is null)) return null;
        foreach (var t in tallies.Skip(1)) tallies[0]!.Merge(t!);
        return tallies[0]!.Decision(options);
    }

    /// <summary>What the candidates of one share show: the outcomes, flags and states of the allowed ones.</summary>
    private sealed class Tally
    {
        private bool _hold, _fail;
        private ExplicitVerdict? _first;
        private readonly HashSet<string> _raised = new(StringComparer.Ordinal);
        private readonly HashSet<string> _forbidding = new(StringComparer.Ordinal);
        private Witness? _witness;
        private readonly Dictionary<string, FinalState> _states = new(StringComparer.Ordinal);
        private readonly HashSet<string> _positive = new(StringComparer.Ordinal), _negative = new(StringComparer.Ordinal);
        private bool _counted;

        /// <summary>
        /// Runs the model on candidates <paramref name="share"/>, <paramref name="share"/> + <paramref name="shares"/>, ...
        /// (all of them with one share); null when the explicit check does not apply, or the run budget is spent.
        /// </summary>
        public static Tally? Over(TestEncoding enc, CheckOptions options, ConcreteExecutions executions, Action throwIfSpent, int share, int shares)
        {
            var check = new ExplicitCheck(enc);
            var tally = new Tally();
            var identity = options.States && options.CountExecutions ? enc.ExecutionChoices().Choices : null;
            tally._counted = identity is not null;
            var guards = enc.Program.Events.Select(e => e.Guard).Where(g => !g.IsConstant).Distinct().ToList();
            var runsLeft = options.ExplicitRunLimit;
            var index = -1L;
            foreach (var x in executions.All(skipFiltered: true))
            {
                throwIfSpent();
                if (++index % shares != share) continue;
                if (runsLeft-- == 0) return null;
                var eval = x.Evaluator();
                if (x.ValuesUnsettled)
                {
                    // Whether values that flow in a cycle have a solution, and which, is the solver's to say. The model
                    // may forbid the candidate whatever they are (it runs without them); else the solver decides.
                    if (options.Witness || check.Run(eval, complete: false) is not { } whatever || whatever.Allowed) return null;
                    continue;
                }
                // The first run, complete, names every axiom and flag and lets the annotations be checked; after it, the
                // filter and the proposition are read first. Only the axioms that alone forbid the outcome need the
                // whole model on an execution that is not allowed.
                var kept = eval.Bool(enc.Filter);
                if (!kept && tally._first is not null) continue;
                executions.CheckDefinitions(x);
                var satisfies = eval.Bool(enc.Condition);
                var complete = tally._first is null || (options.Witness && satisfies && !tally._hold);
                if (check.Run(eval, complete) is not { } verdict) return null;
                if (verdict.NotAnExecution) continue; // the model generates no such execution: nothing to count
                if (tally._first is null)
                {
                    tally._first = verdict;
                    enc.CheckAnnotations();
                }
                if (!kept) continue;
                if (!verdict.Allowed)
                {
                    if (satisfies && verdict.Failed.Count == 1) tally._forbidding.Add(verdict.Failed[0]);
                    continue;
                }
                if (satisfies)
                {
                    tally._hold = true;
                    if (options.Witness && tally._witness is null) tally._witness = WitnessReader.Read(enc, new EvaluatedModel(eval));
                }
                else tally._fail = true;
                tally._raised.UnionWith(verdict.Raised);
                if (options.States)
                {
                    var state = StateEnumerator.State(enc, enc.Observed.Select(o => (o, eval.Bool(o.Determined) ? eval.Value(o.Value) : (long?)null)), satisfies);
                    tally._states.TryAdd(state.ToString(), state);
                    if (identity is not null)
                        (satisfies ? tally._positive : tally._negative).Add(string.Concat(identity.Concat(guards).Select(t => eval.Bool(t) ? '1' : '0')) + verdict.Picks);
                }
                else if (tally._hold && tally._fail && tally._raised.Count == tally._first.Flags.Distinct().Count()) break; // nothing more to learn
            }
            return tally;
        }

        /// <summary>Adds another share's findings (the listing's shares are disjoint; the first share keeps its witness).</summary>
        public void Merge(Tally other)
        {
            _hold |= other._hold;
            _fail |= other._fail;
            _first ??= other._first;
            _raised.UnionWith(other._raised);
            _forbidding.UnionWith(other._forbidding);
            _witness ??= other._witness;
            foreach (var (key, state) in other._states) _states.TryAdd(key, state);
            _positive.UnionWith(other._positive);
            _negative.UnionWith(other._negative);
        }

        public Decision? Decision(CheckOptions options)
        {
            if (_first is null) return null;
            var flags = _first.Flags.Distinct().Where(_raised.Contains).ToList();
            var forbiddenBy = !_hold && _fail && options.Witness ? _first.Axioms.Distinct().Where(_forbidding.Contains).ToList() : [];
            var listing = !options.States ? null
                : new ExecutionListing(_states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value).ToList(), // keyed by their text
                    _counted ? _positive.Count : null, _counted ? _negative.Count : null);
            return new Decision(_hold, _fail, flags, _witness, forbiddenBy, listing);
        }
    }

    /// <summary>An explicit execution seen as a solver model (to read a witness off it).</summary>
    private sealed class EvaluatedModel(TermEvaluator eval) : IModel
    {
        public bool EvalBool(Term t) => eval.Bool(t);
        public long EvalWord(Term t) => eval.Value(t);
        public long EvalInt(Term t) => eval.Value(t);
    }
}

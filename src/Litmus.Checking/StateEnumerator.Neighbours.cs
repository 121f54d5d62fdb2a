using Litmus.Encoding;
using Litmus.Logic;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>
/// Listing by explicit checks. A solver answer is one allowed execution; its neighbours (one read reading from
/// another write, values following) are checked explicitly (<see cref="ExplicitCheck"/>: the model run over bit
/// sets, about 10x cheaper than a solver check), and each that passes is an allowed execution found without the
/// solver. The solver is then asked only for an execution none of these reach, with all found ones excluded at
/// once; when there is none, the list is complete. Sound because the explicit check is exact (self-checked
/// against the solver with <c>verifyExplicitly</c>), complete because the solver has the last word.
/// </summary>
internal sealed partial class StateEnumerator
{
    /// <summary>Explicit checks run by the last <see cref="Enumerate"/>, and solver checks it made while listing (for measurements).</summary>
    public (int Explicit, int Solver) ListingChecks { get; private set; }

    /// <summary>
    /// One part of an execution's rf and co choice: the rf of one read (which write, or none when the read may not
    /// happen), the order of two writes, or any other choice term (holds or not). Option k is the k-th of
    /// <see cref="Indices"/> (indices into the choice terms); option <c>Indices.Length</c> is "none of them".
    /// </summary>
    private sealed record ChoiceGroup(int[] Indices, bool MayBeNone);

    /// <summary>A trie of the executions found, by their option in each group.</summary>
    private sealed class FoundTrie
    {
        public readonly Dictionary<int, FoundTrie> Children = new();

        public void Add(int[] options)
        {
            var node = this;
            foreach (var o in options)
            {
                if (!node.Children.TryGetValue(o, out var next)) node.Children[o] = next = new FoundTrie();
                node = next;
            }
        }
    }

    /// <summary>
    /// Lists by neighbours, calling <paramref name="count"/> once per allowed execution. Null when this does not
    /// apply to the test (nothing was counted then); false when the solver gives up.
    /// </summary>
    private bool? ListByNeighbours(List<Domain> domains, List<Term> choices, Action<FinalState> count)
    {
        var neighbours = new ConcreteExecutions(enc);
        if (!neighbours.Applicable) return null;
        var check = new ExplicitCheck(enc);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new FoundTrie();
        var solverChecks = 0;
        var first = true;
        solver.Push();
        try
        {
            var (groups, literals) = ChoiceGroups(choices);

            int[] Options(TermEvaluator eval) => groups.Select(g =>
            {
                var k = Array.FindIndex(g.Indices, i => eval.Bool(choices[i]));
                return k < 0 ? g.Indices.Length : k;
            }).ToArray();

            void Record(TermEvaluator eval, int[] options)
            {
                var chosen = domains.Select(d => MemberOf(d, eval)).ToArray();
                count(ReadState(domains, chosen, eval.Bool(enc.Condition)));
                found.Add(options);
            }

            // An allowed execution under the cube, by the solver, then the neighbours of it. Null: the explicit
            // check does not apply (asked on the first only); false: the solver gave up.
            bool? Ask(List<Term> cube)
            {
                solverChecks++;
                var answer = solver.Check([.. cube]);
                if (answer == SolveResult.Unknown) return false;
                if (answer == SolveResult.Unsat) return true;
                var m = solver.Model;
                var x = neighbours.Read(t => t.Sort switch
                {
                    Sort.Bool => m.EvalBool(t) ? 1 : 0,
                    Sort.Word => m.EvalWord(t),
                    _ => m.EvalInt(t),
                });
                var eval = x.Evaluator();
                var allowed = check.Allows(eval);
                if (allowed == false && verifyExplicitly)
                    throw new InvalidOperationException($"{enc.Test.Name}: the explicit check rejects an execution the solver allows");
                if (allowed != true && first) return null;
                first = false;
                var options = Options(eval);
                seen.Add(string.Join(",", options));
                Record(eval, options);
                if (allowed != true) return true; // the solver's word stands, but its neighbours are not trusted
                var queue = new Queue<ConcreteExecution>();
                queue.Enqueue(x);
                while (queue.Count > 0)
                    foreach (var y in neighbours.Of(queue.Dequeue(), y => seen.Add(string.Join(",", Options(y.Evaluator())))))
                    {
                        // Thousands of neighbours can be certified between two solver questions: the test's time limit is checked here too.
                        enc.Terms.Cancellation.ThrowIfCancellationRequested();
                        var yEval = y.Evaluator();
                        if (check.Allows(yEval) != true) continue;
                        Record(yEval, Options(yEval));
                        queue.Enqueue(y);
                    }
                return true;
            }

            // Each subtree of the trie that holds no execution found so far is asked of the solver, under the cube
            // of its options: unsatisfiable, it is empty; satisfiable, its execution (new, since none was found
            // there) and that execution's neighbours are added, and the walk goes on into it.
            bool Walk(FoundTrie node, int g, List<Term> cube)
            {
                if (g == groups.Count) return true;
                var group = groups[g];
                for (var k = 0; k <= group.Indices.Length; k++)
                {
                    if (k == group.Indices.Length && !group.MayBeNone) continue;
                    var added = literals(g, k);
                    cube.AddRange(added);
                    try
                    {
                        if (!node.Children.ContainsKey(k) && Ask(cube) == false) return false;
                        if (node.Children.TryGetValue(k, out var child) && !Walk(child, g + 1, cube)) return false;
                    }
                    finally { cube.RemoveRange(cube.Count - added.Count, added.Count); }
                }
                return true;
            }

            var start = Ask([]);
            if (start != true) return start;
            return Walk(found, 0, []);
        }
        finally
        {
            solver.Pop();
            ListingChecks = (check.Runs, solverChecks);
        }
    }

    /// <summary>
    /// The choice terms grouped by what they choose (rf of one read, the order of two writes, the rest one by one)
    /// and, per group and option, the assumptions that select it. A choice that is not a variable gets a flag
    /// of its own, bound to it in the current scope, because assumptions must be literals.
    /// </summary>
    private (List<ChoiceGroup> Groups, Func<int, int, List<Term>> Literals) ChoiceGroups(List<Term> choices)
    {
        var exec = enc.Execution;
        var index = new Dictionary<Term, int>();
        for (var i = 0; i < choices.Count; i++) index[choices[i]] = i;
        var groups = new List<ChoiceGroup>();
        var covered = new HashSet<int>();
        void Add(IEnumerable<Term> terms, bool mayBeNone)
        {
            var ids = terms.Where(index.ContainsKey).Select(t => index[t]).Where(i => !covered.Contains(i)).ToArray();
            if (ids.Length == 0) return;
            covered.UnionWith(ids);
            groups.Add(new ChoiceGroup(ids, mayBeNone));
        }
        var readsFrom = new SortedDictionary<int, List<Term>>();
        foreach (var (_, r, t) in enc.Rf.Edges())
            if (t.Op == Op.BoolVar)
            {
                if (!readsFrom.TryGetValue(r, out var list)) readsFrom[r] = list = [];
                list.Add(t);
            }
        foreach (var (r, list) in readsFrom) Add(list, !exec.EventAt(r).Guard.IsTrue);
        foreach (var (a, b, t) in enc.Co.Edges())
            if (a < b && t.Op == Op.BoolVar && enc.Co.Get(b, a) is { Op: Op.BoolVar } u)
                Add([t, u], !_f.And(exec.EventAt(a).Guard, exec.EventAt(b).Guard, exec.SameLocation(a, b)).IsTrue);
        var literal = new Term[choices.Count];
        for (var i = 0; i < choices.Count; i++)
        {
            if (!covered.Contains(i)) groups.Add(new ChoiceGroup([i], true));
            var c = choices[i];
            if (c.Op == Op.BoolVar || (c.Op == Op.Not && c.Children[0].Op == Op.BoolVar)) literal[i] = c;
            else
            {
                literal[i] = _f.BoolVar($"choice_{i}");
                solver.Assert(_f.Iff(literal[i], c));
            }
        }
        List<Term> Literals(int g, int k) => k < groups[g].Indices.Length
            ? [literal[groups[g].Indices[k]]]
            : groups[g].Indices.Select(i => _f.Not(literal[i])).ToList();
        return (groups, Literals);
    }

    /// <summary>The member of the domain the execution's observed value takes (the domain holds every value an allowed execution gives).</summary>
    private static int MemberOf(Domain d, TermEvaluator eval)
    {
        long? v = eval.Bool(d.Observed.Determined) ? eval.Value(d.Observed.Value) : null;
        var i = d.Members.FindIndex(m => m.Value == v);
        return i >= 0 ? i : throw new InvalidOperationException($"{d.Observed.Name} = {v?.ToString() ?? "?"} is outside the values the solver found for it");
    }

    /// <summary>The self-check: an execution the solver allows must pass the explicit check too (when it applies).</summary>
    private void Verify(IModel m)
    {
        var eval = new TermEvaluator(t => t.Sort switch
        {
            Sort.Bool => m.EvalBool(t) ? 1 : 0,
            Sort.Word => m.EvalWord(t),
            _ => m.EvalInt(t),
        });
        if (new ExplicitCheck(enc).Violated(eval) is { Count: > 0 } failed)
            throw new InvalidOperationException($"{enc.Test.Name}: the explicit check rejects an execution the solver allows (it violates {string.Join(", ", failed)})");
    }
}

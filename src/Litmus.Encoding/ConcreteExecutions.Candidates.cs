using Litmus.Events;
using Litmus.Logic;
using Litmus.Models.Explicit;

namespace Litmus.Encoding;

/// <summary>
/// Every candidate execution, as herd enumerates them: a source (or none, for a read that may not happen) for
/// each read, then the values, guards and addresses that follow from rf, then every coherence order of the
/// writes that happen, location by location. Each well-formed one is a concrete assignment of the execution's
/// variables that satisfies its definitions, and every assignment that does is met exactly once: with no value
/// flowing in a cycle, rf fixes every value, det and final value, and co fixes the clocks up to a choice that no
/// term observes. So deciding a test over <see cref="All"/> (the model run explicitly on each) gives the same
/// verdict, flags, states and counts as the solver.
/// </summary>
public sealed partial class ConcreteExecutions
{
    private bool? _enumerable;
    private HashSet<int>? _sourcedReads;
    private HashSet<int> _sourced => _sourcedReads ??= _reads.Select(r => r.Read.Id).ToHashSet();

    /// <summary>
    /// Whether <see cref="All"/> applies: <see cref="Applicable"/>, and every variable of the execution is one rf or
    /// co fixes (not a value on a cycle of rf and data with its rank, nor an index srcu_read_lock() returns).
    /// </summary>
    public bool CandidatesEnumerable => _enumerable ??= Applicable && _variables.All(AssignedByCandidates().Contains);

    private HashSet<Term> AssignedByCandidates()
    {
        var assigned = new HashSet<Term>();
        foreach (var (_, value, sources) in _reads)
        {
            if (value is not null) assigned.Add(value);
            foreach (var (_, rf) in sources) assigned.Add(rf);
        }
        foreach (var (a, _, t) in _exec.Co.Edges())
            if (t.Op == Op.BoolVar) { assigned.Add(t); assigned.Add(_exec.Clock(ExecutionRelations.CoOrder, a)); }
        assigned.UnionWith(_exec.DeterminedBy.Keys);
        assigned.UnionWith(_exec.FinalValues.Values);
        assigned.UnionWith(_exec.FinalDetermined.Values);
        return assigned;
    }

    /// <summary>
    /// How many candidates <see cref="All"/> builds, or <paramref name="limit"/> + 1 when more (counting stops there,
    /// or when the reads alone have more than <paramref name="readChoiceLimit"/> combinations of sources). Cheap
    /// next to checking them: the model does not run, and coherence orders are counted, not built.
    /// </summary>
    public long CountCandidates(long limit, long readChoiceLimit = 4096, Action? throwIfSpent = null)
    {
        if (!CandidatesEnumerable) return limit + 1;
        var options = ReadOptions();
        var combinations = 1L;
        foreach (var k in options)
            if ((combinations *= k) > readChoiceLimit) return limit + 1;
        var count = 0L;
        var choice = new int[_reads.Count];
        do
        {
            throwIfSpent?.Invoke();
            if (WithReadsFrom(choice) is not var (_, guards, addresses)) continue;
            var orders = 1L;
            foreach (var group in CoherenceGroups(guards, addresses))
                for (var k = 2; k <= group.Length - (group[0].IsInit ? 1 : 0); k++)
                    if ((orders *= k) > limit) return limit + 1;
            if ((count += orders) > limit) return limit + 1;
        }
        while (Next(choice, options));
        return count;
    }

    /// <summary>How many choices each read has: one per possible source, and none when it may not happen.</summary>
    private int[] ReadOptions() => _reads.Select(r => r.Sources.Count + (r.Read.Guard.IsTrue ? 0 : 1)).ToArray();

    /// <summary>Moves <paramref name="choice"/> to the next combination, as an odometer; false after the last.</summary>
    private static bool Next(int[] choice, int[] options)
    {
        var i = 0;
        while (i < choice.Length && ++choice[i] == options[i]) choice[i++] = 0;
        return i < choice.Length;
    }

    /// <summary>The writes that happen, by location, each group's initial write first.</summary>
    private List<Event[]> CoherenceGroups(bool[] guards, long[] addresses) =>
        _exec.Program.Events.Where(e => e.Kind == EventKind.Write && guards[e.Id])
            .GroupBy(e => addresses[e.Id])
            .Select(g => g.OrderBy(w => w.IsInit ? 0 : 1).ThenBy(w => w.Id).ToArray()).ToList();

    /// <summary>
    /// Every well-formed candidate execution, once each (only when <see cref="CandidatesEnumerable"/>). Throws
    /// <see cref="ExplicitCheckNotApplicableException"/> if a candidate breaks one of the execution's definitions
    /// after passing every check of its own, which would be a bug here: the caller then asks the solver.
    /// </summary>
    public IEnumerable<ConcreteExecution> All()
    {
        if (!CandidatesEnumerable) throw new InvalidOperationException("the candidates of this test are not enumerable");
        var options = ReadOptions();
        var choice = new int[_reads.Count];
        do
        {
            if (WithReadsFrom(choice) is var (x, guards, addresses))
                foreach (var y in WithCoherence(x, guards, addresses))
                    yield return y;
        }
        while (Next(choice, options));
    }

    /// <summary>
    /// The execution in which read k reads from its source <c>choice[k]</c> (none, past its sources), with the values
    /// that follow; null unless exactly the reads that happen read, each from a write that happens at its address.
    /// </summary>
    private (ConcreteExecution, bool[], long[])? WithReadsFrom(int[] choice)
    {
        var x = new ConcreteExecution(_index, new long[_variables.Count]);
        for (var k = 0; k < _reads.Count; k++)
            if (choice[k] < _reads[k].Sources.Count) x[_reads[k].Sources[choice[k]].Rf] = 1;
        // Values follow rf in dependency order: with no cycle, one pass per read is enough.
        var settled = false;
        for (var pass = 0; pass <= _reads.Count && !settled; pass++)
        {
            var eval = x.Evaluator();
            settled = true;
            for (var k = 0; k < _reads.Count; k++)
            {
                var (_, value, sources) = _reads[k];
                if (value is null || choice[k] >= sources.Count) continue;
                var v = eval.Value(sources[choice[k]].Write.Value!);
                if (x[value] != v) { x[value] = v; settled = false; }
            }
        }
        if (!settled) return null;
        var check = x.Evaluator();
        var events = _exec.Program.Events;
        var guards = events.Select(e => check.Bool(e.Guard)).ToArray();
        var addresses = events.Select(e => e.Address is { } a ? check.Value(a) : 0).ToArray();
        for (var k = 0; k < _reads.Count; k++)
        {
            var (read, _, sources) = _reads[k];
            var reads = choice[k] < sources.Count;
            if (reads != guards[read.Id]) return null;
            if (!reads) continue;
            var w = sources[choice[k]].Write;
            if (!guards[w.Id] || addresses[w.Id] != addresses[read.Id] || check.Value(w.Value!) != check.Value(read.Value!)) return null;
        }
        // A read with no possible source cannot happen.
        if (events.Any(e => e.Kind == EventKind.Read && guards[e.Id] && !_sourced.Contains(e.Id))) return null;
        return (x, guards, addresses);
    }

    /// <summary>Each coherence order of the writes that happen in <paramref name="x"/>, with det and the final values that follow.</summary>
    private IEnumerable<ConcreteExecution> WithCoherence(ConcreteExecution x, bool[] guards, long[] addresses)
    {
        var groups = CoherenceGroups(guards, addresses);
        var orders = groups.Select(g => Permutations(g.Length, g.Length > 0 && g[0].IsInit ? 1 : 0)).ToList();
        var pick = new int[groups.Count];
        var counts = orders.Select(o => o.Count).ToArray();
        var position = new int[_exec.EventCount];
        var coVariables = _exec.Co.Edges().Where(e => e.Condition.Op == Op.BoolVar).ToList();
        while (true)
        {
            var y = x.Copy();
            for (var g = 0; g < groups.Count; g++)
            {
                var order = orders[g][pick[g]];
                for (var p = 0; p < order.Length; p++)
                {
                    var w = groups[g][order[p]].Id;
                    position[w] = p;
                    if (_index.TryGetValue(_exec.Clock(ExecutionRelations.CoOrder, w), out var clock)) y.Values[clock] = p;
                }
            }
            foreach (var (a, b, t) in coVariables)
                y[t] = guards[a] && guards[b] && addresses[a] == addresses[b] && position[a] < position[b] ? 1 : 0;
            SettleDetermined(y);
            SettleFinalValues(y, guards, addresses);
            var check = y.Evaluator();
            foreach (var d in _definitions)
                if (!check.Bool(d))
                    throw new ExplicitCheckNotApplicableException($"a candidate execution breaks the definition {d}");
            yield return y;
            if (!Next(pick, counts)) yield break;
        }
    }

    private static readonly Dictionary<(int, int), List<int[]>> PermutationCache = new();

    /// <summary>Every order of 0..n-1 that keeps the first <paramref name="fixedPrefix"/> in place (the initial write stays first).</summary>
    private static List<int[]> Permutations(int n, int fixedPrefix)
    {
        lock (PermutationCache)
        {
            if (PermutationCache.TryGetValue((n, fixedPrefix), out var known)) return known;
            var result = new List<int[]>();
            var current = Enumerable.Range(0, n).ToArray();
            void Permute(int k)
            {
                if (k >= n - 1) { result.Add((int[])current.Clone()); return; }
                for (var i = k; i < n; i++)
                {
                    (current[k], current[i]) = (current[i], current[k]);
                    Permute(k + 1);
                    (current[k], current[i]) = (current[i], current[k]);
                }
            }
            Permute(fixedPrefix);
            return PermutationCache[(n, fixedPrefix)] = result;
        }
    }
}

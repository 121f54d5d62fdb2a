using Litmus.Events;
using Litmus.Logic;
using Litmus.Models.Explicit;
using Litmus.Models.Plan;

namespace Litmus.Encoding;

/// <summary>
/// Every candidate execution, as herd enumerates them: a source (or none, for a read that may not happen) for
/// each read, then the values, guards and addresses that follow from rf, then every coherence order of the
/// writes that happen, location by location. Each well-formed one is a concrete assignment of the execution's
/// variables that satisfies its definitions, and every assignment that does is met exactly once: with no value
/// flowing in a cycle, rf fixes every value, det and final value, and co fixes the clocks up to a choice that no
/// term observes. So deciding a test over <see cref="All"/> (the model run explicitly on each) gives the same
/// verdict, flags, states and counts as the solver. A candidate whose values do flow in a cycle (rf and data)
/// comes with them unknown (<see cref="ConcreteExecution.ValuesUnsettled"/>): the caller may only drop it when the
/// model forbids it without them.
/// </summary>
public sealed partial class ConcreteExecutions
{
    private CandidatePlan? _plan;

    // Room for each kind of evaluator a candidate makes (values, det, final values, the execution's own).
    private readonly EvaluatorSizing _valueSizing = new(), _detSizing = new(), _finalSizing = new(), _executionSizing = new();
    private bool _planned;

    /// <summary>
    /// Whether <see cref="All"/> applies: <see cref="Applicable"/>, every variable of the execution is one rf or co
    /// fixes (not a value on a cycle of rf and data with its rank), and the
    /// values follow rf in an order (no read's possible sources depend on its own value).
    /// </summary>
    public bool CandidatesEnumerable => Plan is not null;

    /// <summary>
    /// What every candidate shares, worked out once per test: the orders values and det follow, the co variables and
    /// clocks, the sources each read may take, the axioms that prune coherence orders (<see cref="CandidatePruning"/>).
    /// </summary>
    private sealed record CandidatePlan(
        int[]? ValueOrder, (Term Det, Term By)[]? DetOrder, Event[] Writes, (int A, int B, Term Pair)[] CoPairs,
        Dictionary<int, int> Clocks, Dictionary<long, (Term Final, Term Determined)> Finals, int[] Unsourced,
        ReadChoices Choices, CandidatePruning Pruning)
    {
        /// <summary>Each event's guard when it is a constant (false otherwise), and the events whose guard is not.</summary>
        public required bool[] ConstantGuards { get; init; }
        public required Event[] VaryingGuards { get; init; }
        /// <summary>Each event's address when it is a constant (0 otherwise), and the events whose address is not.</summary>
        public required long[] ConstantAddresses { get; init; }
        public required Event[] VaryingAddresses { get; init; }
        /// <summary>The writes by location, as <see cref="CoherenceGroups"/> makes them, when every write's guard and address are constants.</summary>
        public List<List<int>>? ConstantGroups { get; init; }
        /// <summary>The reads (indices into the reads with sources) at each address, when every read's address is a constant.</summary>
        public Dictionary<long, int[]>? ReadsAt { get; init; }

        /// <summary>
        /// When values may flow in a cycle of rf and data (no <see cref="ValueOrder"/> fits every candidate): per read
        /// and source, the reads whose values that source's value mentions, to order each candidate's values by its
        /// own rf (see <see cref="CandidateValueOrder"/>).
        /// </summary>
        public int[][][]? SourceDeps { get; init; }
        /// <summary>The slots a candidate whose values flow in a cycle leaves unknown: read values, det, ranks, final values.</summary>
        public bool[] UnknownWhenUnsettled { get; init; } = [];
    }

    private CandidatePlan? Plan
    {
        get
        {
            if (!_planned) { _plan = MakePlan(); _planned = true; }
            return _plan;
        }
    }

    private CandidatePlan? MakePlan()
    {
        if (!Applicable || !_variables.All(AssignedByCandidates().Contains)) return null;
        // read k waits for the reads whose values its possible sources' values mention
        var readOfValue = new Dictionary<Term, int>();
        for (var k = 0; k < _reads.Count; k++)
            if (_reads[k].Value is { } v) readOfValue[v] = k;
        var valueOrder = TopologicalOrder(_reads.Count, k => _reads[k].Sources
            .SelectMany(s => VariablesOf(s.Write.Value!)).Where(readOfValue.ContainsKey).Select(v => readOfValue[v]));
        var dets = _exec.DeterminedBy.ToList();
        var detIndex = dets.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var detOrder = TopologicalOrder(dets.Count, i => VariablesOf(dets[i].Value).Where(detIndex.ContainsKey).Select(v => detIndex[v]));
        // Values that may flow in a cycle: each candidate orders them by the sources it reads from.
        var dynamic = valueOrder is null;
        // det may also depend on itself when a pinned read solves what it copied (see SettleDetermined).
        var detInRounds = dynamic || detOrder is null;
        var clocks = new Dictionary<int, int>();
        foreach (var w in _exec.Program.Events)
            if (_index.TryGetValue(_exec.Clock(ExecutionRelations.CoOrder, w.Id), out var slot)) clocks[w.Id] = slot;
        var sourced = _reads.Select(r => r.Read.Id).ToHashSet();
        var pruning = new CandidatePruning(_exec, PruneByKnownAxioms ? _enc.Model!.Plan.KnownAxioms : new KnownAxioms(false, false), _enc.Filter);
        var choices = new ReadChoices(_reads, pruning, _exec);
        var events = _exec.Program.Events;
        var plan = new CandidatePlan(
            dynamic ? null : valueOrder, detInRounds ? null : [.. detOrder!.Select(i => (dets[i].Key, dets[i].Value))],
            [.. _exec.Program.Events.Where(e => e.Kind == EventKind.Write && !e.Guard.IsFalse)],
            [.. _exec.Co.Edges().Where(e => e.Condition.Op == Op.BoolVar)],
            clocks,
            _exec.Program.Locations.Where(l => _exec.FinalValues.ContainsKey(l.Name))
                .ToDictionary(l => l.Address, l => (_exec.FinalValues[l.Name], _exec.FinalDetermined[l.Name])),
            [.. _exec.Program.Events.Where(e => e.Kind == EventKind.Read && !e.Guard.IsFalse && !sourced.Contains(e.Id)).Select(e => e.Id)],
            choices, pruning)
        {
            ConstantGuards = [.. events.Select(e => e.Guard.IsTrue)],
            VaryingGuards = [.. events.Where(e => !e.Guard.IsConstant)],
            ConstantAddresses = [.. events.Select(e => e.Address is { Op: Op.WordConst } a ? a.Number : 0)],
            VaryingAddresses = [.. events.Where(e => e.Address is { } a && a.Op != Op.WordConst)],
            ReadsAt = _reads.All(r => r.Read.Address is { Op: Op.WordConst })
                ? Enumerable.Range(0, _reads.Count).GroupBy(k => _reads[k].Read.Address!.Number).ToDictionary(g => g.Key, g => g.ToArray())
                : null,
        };
        // A candidate whose values flow in a cycle has them unknown: only when they cannot decide which events happen or where.
        if (dynamic && (plan.VaryingGuards.Length > 0 || plan.VaryingAddresses.Length > 0)) return null;
        if (dynamic) plan = WithCandidateValueOrder(plan, readOfValue);
        // the same for every candidate when no write's guard or address varies (the callers only read the lists)
        return plan.Writes.All(w => w.Guard.IsConstant && w.Address is null or { Op: Op.WordConst })
            ? plan with { ConstantGroups = CoherenceGroups(plan, plan.ConstantGuards, plan.ConstantAddresses) }
            : plan;
    }

    /// <summary>What ordering values per candidate needs (see <see cref="CandidatePlan.SourceDeps"/>).</summary>
    private CandidatePlan WithCandidateValueOrder(CandidatePlan plan, Dictionary<Term, int> readOfValue)
    {
        var unknown = new bool[_variables.Count];
        foreach (var (_, value, _) in _reads)
            if (SlotOf(value) is >= 0 and var v) unknown[v] = true;
        foreach (var t in _exec.DeterminedBy.Keys.Concat(_exec.Ranks.Values).Concat(_exec.FinalValues.Values).Concat(_exec.FinalDetermined.Values))
            if (SlotOf(t) is >= 0 and var v) unknown[v] = true;
        return plan with
        {
            SourceDeps = [.. _reads.Select(r => r.Sources.Select(s => VariablesOf(s.Write.Value!).Where(readOfValue.ContainsKey).Select(v => readOfValue[v]).Distinct().ToArray()).ToArray())],
            UnknownWhenUnsettled = unknown,
        };
    }

    private int SlotOf(Term? t) => t is not null && _index.TryGetValue(t, out var slot) ? slot : -1;

    /// <summary>
    /// The reads of a candidate in an order in which each comes after the reads its source's value mentions; null
    /// when its values flow in a cycle (rf and data).
    /// </summary>
    private static List<int>? CandidateValueOrder(CandidatePlan plan, int[] source)
    {
        var deps = plan.SourceDeps!;
        var order = new List<int>(source.Length);
        var state = new byte[source.Length]; // 0 new, 1 on the path, 2 placed
        bool Visit(int k)
        {
            if (state[k] == 2) return true;
            if (state[k] == 1) return false;
            state[k] = 1;
            if (source[k] >= 0)
                foreach (var j in deps[k][source[k]])
                    if (source[j] >= 0 && !Visit(j)) return false;
            state[k] = 2;
            order.Add(k);
            return true;
        }
        for (var k = 0; k < source.Length; k++)
            if (!Visit(k)) return null;
        return order;
    }

    private HashSet<Term> AssignedByCandidates()
    {
        var assigned = new HashSet<Term>();
        // The ranks that justify det on a cycle of possible values: set along each candidate's order.
        assigned.UnionWith(_exec.Ranks.Values);
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

    private static IEnumerable<Term> VariablesOf(Term t)
    {
        var seen = new HashSet<Term>();
        var stack = new Stack<Term>([t]);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (!seen.Add(u)) continue;
            if (u.Op is Op.BoolVar or Op.WordVar) yield return u;
            foreach (var c in u.Children) stack.Push(c);
        }
    }

    /// <summary>0..n-1 with each after everything it waits for; null on a cycle.</summary>
    private static int[]? TopologicalOrder(int n, Func<int, IEnumerable<int>> waitsFor)
    {
        var order = new List<int>(n);
        var state = new int[n]; // 0 new, 1 on the path, 2 placed
        bool Visit(int k)
        {
            if (state[k] == 2) return true;
            if (state[k] == 1) return false;
            state[k] = 1;
            foreach (var j in waitsFor(k))
                if (!Visit(j)) return false; // a read waiting for itself is on the path too
            state[k] = 2;
            order.Add(k);
            return true;
        }
        for (var k = 0; k < n; k++)
            if (!Visit(k)) return null;
        return [.. order];
    }

    /// <summary>
    /// Whether the test has at most <paramref name="limit"/> candidates (false too when the reads alone have more than
    /// <paramref name="readChoiceLimit"/> combinations of sources). When an upper bound settles it, there may be none
    /// at all: the caller then finds none, and asks the solver. Otherwise they are counted, cheaply next to checking
    /// them: the model does not run, and coherence orders are counted, not built.
    /// </summary>
    public bool HasCandidatesWithin(long limit, long readChoiceLimit = 4096, Action? throwIfSpent = null)
    {
        if (Plan is not { } plan) return false;
        var choices = plan.Choices;
        if (choices.None) return false;
        if (choices.Combinations(readChoiceLimit) is { } combinations
            && CoherenceOrderBound(limit) is var orderBound && orderBound <= limit / combinations)
            return true; // at most that many: no need to count
        var count = 0L;
        var visits = 0L;
        var choice = new int[_reads.Count];
        do
        {
            throwIfSpent?.Invoke();
            if (++visits > readChoiceLimit) return false;
            if (WithReadsFrom(plan, choice) is not var (_, guards, addresses, sources)) continue;
            var orders = 1L;
            var (_, admissible, failed) = AdmissibleOrders(plan, guards, addresses, sources);
            if (failed is { } block) { choices.ExhaustBelow(choice, block); continue; } // the next step leaves that block's choices
            foreach (var a in admissible)
                if (a is null || (orders *= a.Count) > limit) return false;
            if ((count += orders) > limit) return false;
        }
        while (choices.Next(choice));
        return count > 0;
    }

    /// <summary>
    /// At most how many candidates there are, cheaply (the reads' combinations of sources times a bound on the coherence
    /// orders, capped at 2^40); 0 when there are none or they cannot be enumerated.
    /// </summary>
    public long CandidateUpperBound()
    {
        const long cap = 1L << 40;
        if (Plan is not { } plan || plan.Choices.None) return 0;
        var combinations = plan.Choices.Combinations(cap) ?? cap;
        var orders = CoherenceOrderBound(cap);
        return combinations > cap / orders ? cap : combinations * orders;
    }

    /// <summary>
    /// At most how many coherence orders an execution has (over <paramref name="limit"/> reported as limit + 1): per
    /// location, the orders of the writes that may be to it (a write at an address not known in advance counts for
    /// every location).
    /// </summary>
    private long CoherenceOrderBound(long limit)
    {
        var bound = 1L;
        var writes = _exec.Program.Events.Where(e => e.Kind == EventKind.Write && !e.IsInit && !e.Guard.IsFalse).ToList();
        foreach (var loc in _exec.Program.Locations)
        {
            var n = writes.Count(w => w.Address is not { Op: Op.WordConst } a || a.Number == loc.Address);
            for (var k = 2; k <= n; k++)
                if ((bound *= k) > limit) return limit + 1;
        }
        return bound;
    }

    /// <summary>The writes that happen, by location, each group's initial write first, then by id.</summary>
    private static List<List<int>> CoherenceGroups(CandidatePlan plan, bool[] guards, long[] addresses)
    {
        if (plan.ConstantGroups is { } known) return known;
        var groups = new List<List<int>>();
        var byAddress = new Dictionary<long, List<int>>();
        foreach (var w in plan.Writes) // init writes come first among the events
        {
            if (!guards[w.Id]) continue;
            if (!byAddress.TryGetValue(addresses[w.Id], out var g)) { byAddress[addresses[w.Id]] = g = []; groups.Add(g); }
            g.Add(w.Id);
        }
        return groups;
    }

    /// <summary>
    /// The writes that happen, by location, and the orders of each group that <see cref="CandidatePruning"/> keeps (every
    /// order when nothing is pruned; null for a group with too many to list); when a group has none, the highest block
    /// of reads (<see cref="ReadChoices.BlockOf"/>) whose choices alone rule it out, or -1 when no block does (null when
    /// every group has an order).
    /// </summary>
    private (List<List<int>> Groups, List<int[]>?[] Orders, int? Failed) AdmissibleOrders(CandidatePlan plan, bool[] guards, long[] addresses, int[] sources)
    {
        var groups = CoherenceGroups(plan, guards, addresses);
        var orders = new List<int[]>?[groups.Count];
        int? failed = null;
        for (var g = 0; g < groups.Count; g++)
        {
            var address = addresses[groups[g][0]];
            var initFirst = _exec.EventAt(groups[g][0]).IsInit;
            if (!plan.Pruning.PrunesOrders)
            {
                orders[g] = Factorial(groups[g].Count - (initFirst ? 1 : 0)) <= OrdersListed ? Permutations(groups[g].Count, initFirst ? 1 : 0) : null;
                continue;
            }
            var reads = new List<(int, int)>();
            if (plan.ReadsAt is { } readsAt)
            {
                foreach (var k in readsAt.GetValueOrDefault(address, []))
                    if (sources[k] >= 0) reads.Add((_reads[k].Read.Id, sources[k]));
            }
            else
                for (var k = 0; k < _reads.Count; k++)
                    if (sources[k] >= 0 && addresses[_reads[k].Read.Id] == address) reads.Add((_reads[k].Read.Id, sources[k]));
            orders[g] = plan.Pruning.Admissible(groups[g], initFirst, reads, OrdersListed);
            if (orders[g] is { Count: 0 }) failed = Math.Max(failed ?? -1, plan.Choices.BlockOf(address));
        }
        return (groups, orders, failed);
    }

    /// <summary>The most orders of one location's writes listed (or tried while pruning): more, and the test is left to the solver.</summary>
    private const int OrdersListed = 20_000;

    private static long Factorial(int n)
    {
        var f = 1L;
        for (var k = 2; k <= n && f <= OrdersListed; k++) f *= k;
        return f;
    }

    /// <summary>
    /// Every well-formed candidate execution, once each (only when <see cref="CandidatesEnumerable"/>). A caller that
    /// counts a candidate holds it to the execution's definitions first (<see cref="CheckDefinitions"/>).
    /// </summary>
    /// <param name="skipFiltered">
    /// Skips the candidates the test's filter rejects, when the filter speaks of read values alone (not of co or final
    /// values): their coherence orders are not built. The first candidate is yielded whatever the filter says (a caller
    /// learns the model's axioms and flags from a first run).
    /// </param>
    public IEnumerable<ConcreteExecution> All(bool skipFiltered = false)
    {
        var plan = Plan ?? throw new InvalidOperationException("the candidates of this test are not enumerable");
        if (plan.Choices.None) yield break;
        var filterFirst = skipFiltered && FilterSpeaksOfValuesAlone(plan);
        var yielded = false;
        var choice = new int[_reads.Count];
        do
        {
            if (WithReadsFrom(plan, choice) is not var (x, guards, addresses, sources)) continue;
            var rejected = filterFirst && !x.ValuesUnsettled && !x.FreshEvaluator().Bool(_enc.Filter);
            if (rejected && yielded) continue;
            var (groups, admissible, failed) = AdmissibleOrders(plan, guards, addresses, sources);
            if (failed is { } block) { plan.Choices.ExhaustBelow(choice, block); continue; } // the next step leaves that block's choices
            if (admissible.Any(a => a is null)) throw new ExplicitCheckNotApplicableException("a location has too many coherence orders to list");
            foreach (var y in WithCoherence(plan, x, guards, addresses, groups, admissible!))
            {
                yielded = true;
                yield return y;
                if (rejected) break; // (the first candidate, met whatever the filter says)
            }
        }
        while (plan.Choices.Next(choice));
    }

    /// <summary>Whether the filter mentions none of the variables a candidate's coherence order sets (co, clocks, final values).</summary>
    private bool FilterSpeaksOfValuesAlone(CandidatePlan plan)
    {
        var setWithCo = plan.CoPairs.Select(p => p.Pair)
            .Concat(plan.Finals.Values.SelectMany(f => new[] { f.Final, f.Determined })).ToHashSet();
        var clockSlots = plan.Clocks.Values.ToHashSet();
        return VariablesOf(_enc.Filter).All(v => !setWithCo.Contains(v) && _index.TryGetValue(v, out var slot) && !clockSlots.Contains(slot));
    }

    /// <summary>
    /// Throws <see cref="ExplicitCheckNotApplicableException"/> if <paramref name="y"/> (one of <see cref="All"/>) breaks
    /// one of the execution's definitions after passing every check of its own, which would be a bug here: the caller
    /// then asks the solver. (A candidate whose values are unknown cannot be held to the definitions that speak of them.)
    /// </summary>
    public void CheckDefinitions(ConcreteExecution y)
    {
        if (y.ValuesUnsettled) return;
        var check = y.Evaluator();
        foreach (var d in _definitions)
            if (!check.Bool(d))
                throw new ExplicitCheckNotApplicableException($"a candidate execution breaks the definition {d}");
    }

    /// <summary>
    /// The execution in which read k reads from the source <c>choice[k]</c> picks (<see cref="ReadChoices.Source"/>; none
    /// past them), with the values and det that follow, and the write each read reads from (by event id, -1 for none);
    /// null unless exactly the reads that happen read, each from a write that happens at its address.
    /// </summary>
    private (ConcreteExecution, bool[], long[], int[])? WithReadsFrom(CandidatePlan plan, int[] choice)
    {
        var source = new int[_reads.Count];
        for (var k = 0; k < _reads.Count; k++) source[k] = plan.Choices.Source(k, choice[k]);
        var valueOrder = plan.ValueOrder ?? (IReadOnlyList<int>?)CandidateValueOrder(plan, source);
        if (valueOrder is null) return Unsettled(plan, source);
        var x = new ConcreteExecution(_index, new long[_variables.Count], _slotById, sizing: _executionSizing);
        for (var k = 0; k < _reads.Count; k++)
            if (source[k] >= 0) x[_reads[k].Sources[source[k]].Rf] = 1;
        // In dependency order, every value a source's value mentions is set before it is read (so the evaluator's
        // memory of sub-terms never holds a value that changes later).
        var eval = x.FreshEvaluator(_valueSizing);
        foreach (var k in valueOrder)
        {
            var (_, value, sources) = _reads[k];
            if (value is not null && source[k] >= 0) x.SetSlot(_index[value], eval.Value(sources[source[k]].Write.Value!));
        }
        // Every value is set now, and nothing the evaluator remembers has changed since it was computed.
        var check = eval;
        var guards = (bool[])plan.ConstantGuards.Clone();
        var addresses = (long[])plan.ConstantAddresses.Clone();
        foreach (var e in plan.VaryingGuards) guards[e.Id] = check.Bool(e.Guard);
        foreach (var e in plan.VaryingAddresses) addresses[e.Id] = check.Value(e.Address!);
        for (var k = 0; k < _reads.Count; k++)
        {
            var (read, _, sources) = _reads[k];
            var reads = source[k] >= 0;
            if (reads != guards[read.Id]) return null;
            if (!reads) continue;
            var w = sources[source[k]].Write;
            if (!guards[w.Id] || addresses[w.Id] != addresses[read.Id] || check.Value(w.Value!) != check.Value(read.Value!)) return null;
        }
        // A read with no possible source cannot happen.
        foreach (var r in plan.Unsourced)
            if (guards[r]) return null;
        // det, the least fixpoint of "reads from a write whose value is determined": in dependency order, one pass,
        // when one order fits every candidate; else in rounds.
        if (plan.DetOrder is { } detOrder)
        {
            var det = x.FreshEvaluator(_detSizing);
            foreach (var (variable, by) in detOrder) x.SetSlot(_index[variable], det.Bool(by) ? 1 : 0);
        }
        else SettleDetermined(x);
        for (var k = 0; k < _reads.Count; k++)
            if (source[k] >= 0) source[k] = _reads[k].Sources[source[k]].Write.Id;
        return (x, guards, addresses, source);
    }

    /// <summary>
    /// A candidate whose values flow in a cycle of rf and data: its values, det and final values are unknown (see
    /// <see cref="ConcreteExecution.ValuesUnsettled"/>). Every guard and address is known in advance (see MakePlan), so
    /// rf alone says which events there are and where they access.
    /// </summary>
    private (ConcreteExecution, bool[], long[], int[])? Unsettled(CandidatePlan plan, int[] source)
    {
        var x = new ConcreteExecution(_index, new long[_variables.Count], _slotById, plan.UnknownWhenUnsettled, _executionSizing);
        var guards = (bool[])plan.ConstantGuards.Clone();
        for (var k = 0; k < _reads.Count; k++)
        {
            var (read, _, sources) = _reads[k];
            if ((source[k] >= 0) != guards[read.Id]) return null;
            if (source[k] < 0) continue;
            var w = sources[source[k]].Write;
            if (!guards[w.Id] || plan.ConstantAddresses[w.Id] != plan.ConstantAddresses[read.Id]) return null;
            x[sources[source[k]].Rf] = 1;
            source[k] = w.Id;
        }
        foreach (var r in plan.Unsourced)
            if (guards[r]) return null;
        return (x, guards, (long[])plan.ConstantAddresses.Clone(), source);
    }

    /// <summary>Each coherence order of the writes that happen in <paramref name="x"/>, with the final values that follow.</summary>
    private IEnumerable<ConcreteExecution> WithCoherence(CandidatePlan plan, ConcreteExecution x, bool[] guards, long[] addresses,
        List<List<int>> groups, List<int[]>[] orders)
    {
        var pick = new int[groups.Count];
        var counts = orders.Select(o => o.Count).ToArray();
        var position = new int[_exec.EventCount];
        var values = x.FreshEvaluator(_finalSizing);
        while (true)
        {
            var y = x.Copy();
            for (var g = 0; g < groups.Count; g++)
            {
                var order = orders[g][pick[g]];
                for (var p = 0; p < order.Length; p++)
                {
                    var w = groups[g][order[p]];
                    position[w] = p;
                    if (plan.Clocks.TryGetValue(w, out var clock)) y.SetSlot(clock, p);
                }
                // The final value of a location is its co-last write's.
                var last = _exec.EventAt(groups[g][order[^1]]);
                if (!x.ValuesUnsettled && plan.Finals.TryGetValue(addresses[last.Id], out var final))
                {
                    y[final.Final] = values.Value(last.Value!);
                    y[final.Determined] = values.Bool(_exec.Determined(last.Value!)) ? 1 : 0;
                }
            }
            foreach (var (a, b, t) in plan.CoPairs)
                y[t] = guards[a] && guards[b] && addresses[a] == addresses[b] && position[a] < position[b] ? 1 : 0;
            yield return y;
            if (!Next(pick, counts)) yield break;
        }
    }

    /// <summary>Moves <paramref name="pick"/> to the next combination, as an odometer; false after the last.</summary>
    private static bool Next(int[] pick, int[] counts)
    {
        var i = 0;
        while (i < pick.Length && ++pick[i] == counts[i]) pick[i++] = 0;
        return i < pick.Length;
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

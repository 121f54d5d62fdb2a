using Litmus.Events;
using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>
/// A concrete execution: a value for every variable of the execution's own encoding (rf, co, values, clocks),
/// stored by the variable's index in <see cref="Index"/> (thousands of executions are kept while listing).
/// </summary>
public sealed class ConcreteExecution(IReadOnlyDictionary<Term, int> index, long[] values, int[] slotById, bool[]? unknown = null,
    EvaluatorSizing? sizing = null)
{
    private TermEvaluator? _evaluator;
    private Func<Term, long?>? _variable;

    /// <summary>
    /// Whether values flow in a cycle of rf and data in this candidate: rf does not fix them (herd leaves such
    /// equations unsolved; they may have no solution), so they, det and the final values are unknown here, and
    /// a term that mentions one cannot be evaluated (<see cref="UnassignedVariableException"/>).
    /// </summary>
    public bool ValuesUnsettled => unknown is not null;

    public IReadOnlyDictionary<Term, int> Index => index;
    internal long[] Values => values;

    public long this[Term variable]
    {
        get => values[index[variable]];
        internal set => SetSlot(index[variable], value);
    }

    internal void SetSlot(int slot, long value)
    {
        values[slot] = value;
        _evaluator = null;
    }

    internal ConcreteExecution Copy() => new(index, (long[])values.Clone(), slotById, unknown, sizing);

    /// <summary>
    /// An evaluator of terms under this execution as it is (a variable it does not assign is an error). It is kept,
    /// with what it has computed, until a value changes.
    /// </summary>
    public TermEvaluator Evaluator() => _evaluator ??= FreshEvaluator(sizing);

    /// <summary>
    /// A new evaluator, not dropped when a value changes: for a caller that sets values in an order in which no
    /// term it has evaluated mentions a value set later.
    /// </summary>
    internal TermEvaluator FreshEvaluator(EvaluatorSizing? room = null)
    {
        _variable ??= Variable;
        return room is null ? new(_variable) : room.New(_variable);
    }

    private long? Variable(Term t) => t.Id < slotById.Length && slotById[t.Id] is >= 0 and var slot
        && (unknown is null || !unknown[slot]) ? values[slot] : null;
}

/// <summary>
/// Concrete executions built without the solver: every candidate (<see cref="All"/>), or those next to a known one
/// (<see cref="Of"/>): one read takes another write's value (rf changes,
/// and the values that depend on it follow, in dependency order). A neighbour is kept only when it is a
/// well-formed execution of the same events (same guards and addresses, values settle, every definition the
/// execution itself made holds); the model is then checked on it explicitly by the caller.
/// Applies to tests whose executions are fully described by rf and co (no membarrier handlers, no <c>with</c> choices, co from the
/// engine, each read with a value of its own); <see cref="Applicable"/> says so.
/// </summary>
public sealed partial class ConcreteExecutions
{
    private readonly TestEncoding _enc;
    private readonly ExecutionRelations _exec;
    private readonly List<Term> _variables;
    private readonly Dictionary<Term, int> _index = new();
    private readonly List<Term> _definitions;
    /// <summary>Per read that has a choice: its value variable and its possible sources (write, rf variable).</summary>
    private readonly List<(Event Read, Term? Value, List<(Event Write, Term Rf)> Sources)> _reads = [];

    public bool Applicable { get; }

    /// <summary>
    /// Whether <see cref="All"/> skips the candidates that break the uniproc or atomicity axioms the model states
    /// (<see cref="CandidatePruning"/>): on by default; off, every candidate is met, also those only they forbid.
    /// </summary>
    public bool PruneByKnownAxioms { get; init; } = true;

    public ConcreteExecutions(TestEncoding enc)
    {
        _enc = enc;
        _exec = enc.Execution;
        _definitions = enc.Constraints.Definitions.Take(enc.ExecutionDefinitionCount).ToList();
        Applicable = enc.Model is not null && !_exec.CoFromModel && _exec.Handlers.Count == 0 && _exec.ReadValuesAreOwn
            && ReferenceEquals(enc.Rf, _exec.Rf) && ReferenceEquals(enc.Co, _exec.Co)
            && !enc.ModelPicks;
        var sources = new Dictionary<int, List<(Event, Term)>>();
        for (var w = 0; w < _exec.EventCount; w++)
            foreach (var (r, t) in _exec.Rf.Rows[w])
            {
                if (t.Op != Op.BoolVar) { Applicable = false; continue; }
                if (!sources.TryGetValue(r, out var list)) sources[r] = list = [];
                list.Add((_exec.EventAt(w), t));
            }
        foreach (var (r, list) in sources.OrderBy(kv => kv.Key))
        {
            var read = _exec.EventAt(r);
            _reads.Add((read, read.Value is { Op: Op.WordVar } v ? v : null, list));
        }
        _variables = Applicable ? VariablesOfExecution() : [];
        for (var i = 0; i < _variables.Count; i++) _index[_variables[i]] = i;
        // A variable's slot by its term's id: the evaluators of thousands of candidates look variables up by array.
        _slotById = new int[_variables.Count == 0 ? 0 : _variables.Max(v => v.Id) + 1];
        Array.Fill(_slotById, -1);
        for (var i = 0; i < _variables.Count; i++) _slotById[_variables[i].Id] = i;
    }

    private readonly int[] _slotById;

    /// <summary>Every variable the execution's terms mention: what a concrete execution must assign.</summary>
    private List<Term> VariablesOfExecution()
    {
        var seen = new HashSet<Term>();
        var variables = new List<Term>();
        var stack = new Stack<Term>();
        void Walk(Term? root)
        {
            if (root is null) return;
            stack.Push(root);
            while (stack.Count > 0)
            {
                var t = stack.Pop();
                if (!seen.Add(t)) continue;
                if (t.Op is Op.BoolVar or Op.WordVar or Op.IntVar) variables.Add(t);
                foreach (var c in t.Children) stack.Push(c);
            }
        }
        foreach (var d in _definitions) Walk(d);
        foreach (var e in _exec.Program.Events) { Walk(e.Guard); Walk(e.Address); Walk(e.Value); }
        foreach (var v in _exec.PredefinedSoFar)
        {
            if (v.IsSet) foreach (var (_, t) in v.Set.Members()) Walk(t);
            else foreach (var (_, _, t) in v.Rel.Edges()) Walk(t);
        }
        foreach (var o in _enc.Observed) { Walk(o.Value); Walk(o.Determined); }
        Walk(_enc.Condition);
        Walk(_enc.Filter);
        return variables;
    }

    /// <summary>The execution a solver model describes, read variable by variable.</summary>
    public ConcreteExecution Read(Func<Term, long> model)
    {
        return new ConcreteExecution(_index, _variables.Select(model).ToArray(), _slotById);
    }

    /// <summary>
    /// The well-formed executions that differ from <paramref name="x"/> in the source of one read, among those whose
    /// rf and co <paramref name="fresh"/> accepts (asked before the values are recomputed: most neighbours of a
    /// large listing were met before, and skipping them early saves most of the work).
    /// </summary>
    public IEnumerable<ConcreteExecution> Of(ConcreteExecution x, Func<ConcreteExecution, bool> fresh)
    {
        if (!Applicable) yield break;
        var eval = x.Evaluator();
        var guards = _exec.Program.Events.Select(e => eval.Bool(e.Guard)).ToArray();
        var addresses = _exec.Program.Events.Select(e => e.Address is { } a ? eval.Value(a) : 0).ToArray();
        foreach (var (read, _, sources) in _reads)
        {
            if (!guards[read.Id]) continue;
            var current = sources.FindIndex(s => x[s.Rf] != 0);
            for (var k = 0; k < sources.Count; k++)
            {
                if (k == current || !guards[sources[k].Write.Id] || addresses[sources[k].Write.Id] != addresses[read.Id]) continue;
                var y = x.Copy();
                if (current >= 0) y[sources[current].Rf] = 0;
                y[sources[k].Rf] = 1;
                if (fresh(y) && Settle(y, guards, addresses)) yield return y;
            }
        }
    }

    /// <summary>
    /// Recomputes what follows from rf: read values (until they settle: a cycle of values is left to the solver),
    /// which reads are determined, and final values. False when the result is not a well-formed execution of the
    /// same events.
    /// </summary>
    private bool Settle(ConcreteExecution y, bool[] guards, long[] addresses)
    {
        var values = y;
        var settled = false;
        for (var pass = 0; pass <= _reads.Count && !settled; pass++)
        {
            var eval = y.Evaluator();
            var changes = new List<(Term, long)>();
            foreach (var (read, value, sources) in _reads)
            {
                if (value is null || !guards[read.Id]) continue;
                var source = sources.Find(s => values[s.Rf] != 0);
                if (source.Write is null) return false;
                var v = eval.Value(source.Write.Value!);
                if (values[value] != v) changes.Add((value, v));
            }
            foreach (var (t, v) in changes) values[t] = v;
            settled = changes.Count == 0;
        }
        if (!settled) return false;
        var check = y.Evaluator();
        foreach (var e in _exec.Program.Events)
            if (check.Bool(e.Guard) != guards[e.Id] || (e.Address is { } a && check.Value(a) != addresses[e.Id])) return false;
        SettleDetermined(y);
        SettleFinalValues(y, guards, addresses);
        check = y.Evaluator();
        foreach (var d in _definitions)
            if (!check.Bool(d)) return false;
        return true;
    }

    /// <summary>
    /// det as a least fixpoint, in rounds: each round sets every det whose definition (<see cref="ExecutionRelations.DeterminedBy"/>:
    /// a source, a pin or a copy determined) holds of the last round's, and a read's rank, where it has one, is the
    /// round in which its det rose (so whatever determined it has a smaller rank). For executions whose det may
    /// depend on itself (a copy solves its original too, in herd's solver).
    /// </summary>
    private void SettleDetermined(ConcreteExecution y)
    {
        foreach (var det in _exec.DeterminedBy.Keys) y[det] = 0;
        foreach (var rank in _exec.Ranks.Values)
            if (_index.ContainsKey(rank)) y[rank] = 0;
        for (var round = 1; ; round++)
        {
            var eval = y.FreshEvaluator();
            var rising = _exec.DeterminedBy.Where(kv => y[kv.Key] == 0 && eval.Bool(kv.Value)).Select(kv => kv.Key).ToList();
            if (rising.Count == 0) return;
            foreach (var det in rising)
            {
                y[det] = 1;
                if (_exec.Ranks.TryGetValue(_exec.DetOwner(det), out var rank) && _index.ContainsKey(rank)) y[rank] = round;
            }
        }
    }

    /// <summary>The final value of a location is the value of its co-last write (co is unchanged, so is that write).</summary>
    private void SettleFinalValues(ConcreteExecution y, bool[] guards, long[] addresses)
    {
        var values = y;
        var eval = y.Evaluator();
        foreach (var loc in _exec.Program.Locations)
        {
            if (!_exec.FinalValues.TryGetValue(loc.Name, out var final)) continue;
            foreach (var w in _exec.Program.Events)
            {
                if (w.Kind != EventKind.Write || !guards[w.Id] || addresses[w.Id] != loc.Address) continue;
                if (_exec.Co.Rows[w.Id].Values.Any(eval.Bool)) continue;
                values[final] = eval.Value(w.Value!);
                values[_exec.FinalDetermined[loc.Name]] = eval.Bool(_exec.Determined(w.Value!)) ? 1 : 0;
                break;
            }
        }
    }
}

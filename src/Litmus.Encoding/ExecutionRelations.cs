using Litmus.Events;
using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Encoding;

using SymSetOrRel = SetOrRel<SymSet, SymRel>;

/// <summary>
/// The candidate executions of a program, symbolically: which events exist (their guards), which write each
/// read reads from (rf, one Boolean variable per possible pair), the coherence order (co, a Boolean variable per
/// pair of writes that may share a location, ordered by integer clocks), and the final value of each location.
/// Provides herd's predefined names to the cat interpreter.
/// </summary>
public sealed partial class ExecutionRelations
{
    public LitmusProgram Program { get; }
    public TermFactory Terms { get; }
    public int EventCount { get; }
    public ConstraintSet Constraints { get; } = new();
    public SymSet All { get; }
    public SymRel Rf { get; }
    public SymRel Co { get; }
    /// <summary>The final value of each location (a variable fixed by the co-last write).</summary>
    public IReadOnlyDictionary<string, Term> FinalValues => _finalValues;
    /// <summary>Whether the final value of each location is determined (see <see cref="Determined"/>).</summary>
    public IReadOnlyDictionary<string, Term> FinalDetermined => _finalDetermined;

    private readonly IReadOnlyList<Event> _events;
    private readonly Dictionary<string, SymSetOrRel> _predefined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term> _finalValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term> _finalDetermined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _instructions = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the model generates co itself (herd's <c>withoutco</c>, as upstream cos-opt.cat declares). herd then
    /// leaves co undefined until the model's <c>with co from ...</c>, keeps lock events out of R, W, rf and rmw
    /// (upstream lock.cat adds them), and takes the final value of a location from a write chosen as final
    /// (<c>FW</c>), which <c>co0</c> orders after the location's other writes. Otherwise Litmus's native view
    /// applies: co is the engine's, and lock events are reads and writes of the lock variable with the usual rf
    /// and co, which the bundled lkmm-locks.cat is written for.
    /// </summary>
    public bool CoFromModel { get; }

    /// <summary>
    /// Whether the model gives the lock events their rf and co (a model that generates co, as upstream lock.cat
    /// does): its R, W, rf and rmw leave them out, as herd's do. With <see cref="CoFromModel"/> the execution has
    /// no rf or co for them either; otherwise (co from the engine, for deciding over candidates) the candidate has
    /// them as reads and writes of the lock variable, and the model's final rf and co must be the candidate's.
    /// </summary>
    public bool ModelOrdersLocks { get; }

    /// <param name="modelGeneratesCo">The model generates co (see <see cref="ModelOrdersLocks"/>); implied by <paramref name="coFromModel"/>.</param>
    public ExecutionRelations(LitmusProgram program, bool coFromModel = false, IReadOnlySet<string>? observedLocations = null,
        bool modelGeneratesCo = false)
    {
        Program = program;
        Terms = program.Terms;
        _events = program.Events;
        EventCount = _events.Count;
        CoFromModel = coFromModel;
        ModelOrdersLocks = coFromModel || modelGeneratesCo;
        _observedLocations = observedLocations ?? new HashSet<string>();
        MapRmws();
        All = SetOf(e => !IsMergedWrite(e.Id));
        Rf = EncodeReadsFrom();
        Co = coFromModel ? new SymRel(EventCount) : EncodeCoherenceOrder();
        EncodeDeterminedValues();
        if (coFromModel) EncodeChosenFinalWrites(_observedLocations);
        else EncodeFinalValues();
    }

    public Event EventAt(int id) => _events[id];

    public Term? ValueOf(int id) => _events[id].Value;

    private Term Guard(int id) => _events[id].Guard;

    private SymSet SetOf(Func<Event, bool> member)
    {
        var s = new SymSet(EventCount);
        foreach (var e in _events)
            if (member(e)) s.Set(e.Id, e.Guard);
        return s;
    }

    /// <summary>The condition under which two memory events access the same location (folds to a constant when both addresses are known).</summary>
    public Term SameLocation(int a, int b)
    {
        var (x, y) = (_events[a].Address, _events[b].Address);
        return x is null || y is null ? Terms.False : Terms.Eq(x, y);
    }

    private readonly IReadOnlySet<string> _observedLocations;

    // The execution's own reads and writes (those rf and co relate)...
    private bool IsWrite(Event e) => e.Kind == EventKind.Write && !(CoFromModel && IsLockEvent(e));
    private bool IsRead(Event e) => e.Kind == EventKind.Read && !(CoFromModel && IsLockEvent(e));

    // ... and those the model sees as R and W (see ModelOrdersLocks).
    private bool SeenAsWrite(Event e) => e.Kind == EventKind.Write && !(ModelOrdersLocks && IsLockEvent(e));
    private bool SeenAsRead(Event e) => e.Kind == EventKind.Read && !(ModelOrdersLocks && IsLockEvent(e));
    internal bool IsAccess(Event e) => SeenAsRead(e) || SeenAsWrite(e);

    private static readonly string[] LockClasses = ["LKR", "LKW", "UL", "TRYLOCK", "ISLOCKED"];

    /// <summary>An event of spin_lock(), spin_unlock(), spin_trylock() or spin_is_locked().</summary>
    public static bool IsLockEvent(Event e) => LockClasses.Any(e.Classes.Contains);

    /// <summary>
    /// rf: each read that happens reads from exactly one write that happens, to the same address, and gets its value.
    /// </summary>
    private SymRel EncodeReadsFrom()
    {
        var rf = new SymRel(EventCount);
        foreach (var r in _events.Where(IsRead))
        {
            var choices = new List<Term>();
            foreach (var w in _events.Where(IsWrite))
            {
                var same = SameLocation(w.Id, r.Id);
                if (same.IsFalse || IsOwnWrite(w.Id, r.Id)) continue;
                var possible = Terms.And(Guard(w.Id), Guard(r.Id), same, Terms.Eq(w.Value!, r.Value!));
                if (possible.IsFalse) continue;
                var v = Terms.BoolVar($"rf_{w.Id}_{r.Id}");
                Constraints.Definitions.Add(Terms.Implies(v, possible));
                choices.Add(v);
                rf.Set(w.Id, r.Id, v);
            }
            Constraints.Definitions.Add(Terms.Implies(Guard(r.Id), Terms.Or(choices)));
            AtMostOne(choices);
        }
        return rf;
    }

    /// <summary>At most one of the Booleans holds (pairwise: the lists are short).</summary>
    internal void AtMostOne(IReadOnlyList<Term> choices)
    {
        for (var i = 0; i < choices.Count; i++)
            for (var j = i + 1; j < choices.Count; j++)
                Constraints.Definitions.Add(Terms.Not(Terms.And(choices[i], choices[j])));
    }

    /// <summary>
    /// The order of a and b in a total order the solver chooses: when <paramref name="both"/> holds, exactly one
    /// of the two Booleans (<c>name_a_b</c>, <c>name_b_a</c>), each tied to the integer clocks <c>nameclk_*</c>,
    /// so that the chosen pairs are acyclic and, being total, transitive.
    /// </summary>
    internal (Term AB, Term BA) OrderedPair(string name, int a, int b, Term both)
    {
        var ab = Terms.BoolVar($"{name}_{a}_{b}");
        var ba = Terms.BoolVar($"{name}_{b}_{a}");
        var (ca, cb) = (Clock(name, a), Clock(name, b));
        Constraints.Definitions.Add(Terms.Iff(Terms.Or(ab, ba), both));
        Constraints.Definitions.Add(Terms.Implies(ab, Terms.Lt(ca, cb)));
        Constraints.Definitions.Add(Terms.Implies(ba, Terms.Lt(cb, ca)));
        return (ab, ba);
    }

    /// <summary>The name of co's clocks and pair variables (<see cref="OrderedPair"/>).</summary>
    internal const string CoOrder = "co";

    /// <summary>The integer clock of event <paramref name="id"/> in the total order <paramref name="name"/> (see <see cref="OrderedPair"/>).</summary>
    internal Term Clock(string name, int id) => Terms.IntVar($"{name}clk_{id}");

    /// <summary>
    /// co: per location, a strict total order of the writes that happen, with the initial write first. Writes
    /// that may share a location get a Boolean per ordered pair, tied to integer clocks so that the order is
    /// transitive and acyclic.
    /// </summary>
    private SymRel EncodeCoherenceOrder()
    {
        var co = new SymRel(EventCount);
        var writes = _events.Where(IsWrite).ToList();
        foreach (var a in writes)
            foreach (var b in writes)
            {
                if (a.Id == b.Id || b.IsInit) continue;
                var same = Terms.And(Guard(a.Id), Guard(b.Id), SameLocation(a.Id, b.Id));
                if (same.IsFalse) continue;
                if (a.IsInit) { co.Set(a.Id, b.Id, same); continue; }
                if (a.Id > b.Id) continue; // the pair is handled once, from its smaller id
                var (ab, ba) = OrderedPair(CoOrder, a.Id, b.Id, same);
                co.Set(a.Id, b.Id, ab);
                co.Set(b.Id, a.Id, ba);
            }
        return co;
    }

    /// <summary>The final value of a location is the value of its co-last write.</summary>
    private void EncodeFinalValues()
    {
        foreach (var loc in Program.Locations)
        {
            var (writes, gives) = FinalValueOf(loc);
            foreach (var (w, here) in writes)
                Constraints.Definitions.Add(Terms.Implies(Terms.And(here, Terms.And(Co.Rows[w.Id].Values.Select(Terms.Not))), gives(w)));
        }
    }

    /// <summary>
    /// The variables for a location's final value and whether it is determined, the writes that may be to it
    /// (each with when), and what it means for a write to be the final one.
    /// </summary>
    private (List<(Event Write, Term Here)> Writes, Func<Event, Term> Gives) FinalValueOf(Location loc)
    {
        var final = Terms.WordVar($"final_{loc.Name}");
        var determined = Terms.BoolVar($"finaldet_{loc.Name}");
        _finalValues[loc.Name] = final;
        _finalDetermined[loc.Name] = determined;
        var address = Terms.WordConst(loc.Address);
        var writes = _events.Where(IsWrite).Select(w => (w, Terms.And(Guard(w.Id), Terms.Eq(w.Address!, address))))
            .Where(x => !x.Item2.IsFalse).ToList();
        return (writes, w => Terms.And(Terms.Eq(final, w.Value!), Terms.Iff(determined, Determined(w.Value!))));
    }

    public void DeclareInstructions(string kind, IReadOnlyCollection<string> tags, SourceSpan span)
    {
        if (!_instructions.TryGetValue(kind, out var set)) _instructions[kind] = set = new HashSet<string>(StringComparer.Ordinal);
        set.UnionWith(tags);
    }

    /// <summary>
    /// herd rejects a test whose events carry annotations the bell file does not declare for their kind
    /// (e.g. a fence tag misspelt in the macro file). Returns the first such event, if any.
    /// </summary>
    public (Event Event, string Kind, IReadOnlySet<string> Declared)? UndeclaredAnnotation()
    {
        foreach (var e in _events.Where(e => !e.IsInit && e.Tags.Count > 0))
        {
            var kind = e.Kind switch { EventKind.Read => "R", EventKind.Write => "W", EventKind.Srcu => "SRCU", _ => "F" };
            var declared = new HashSet<string>(StringComparer.Ordinal);
            var any = false;
            // An event may carry what its kind allows, what RMW allows if it is part of one, and the SRCU tags.
            foreach (var k in new[] { kind, e.Classes.Contains("RMW") ? "RMW" : null, "SRCU" })
                if (k is not null && _instructions.TryGetValue(k, out var s)) { declared.UnionWith(s); any |= k != "SRCU"; }
            if (any && !e.Tags.All(declared.Contains)) return (e, kind, declared);
        }
        return null;
    }
}

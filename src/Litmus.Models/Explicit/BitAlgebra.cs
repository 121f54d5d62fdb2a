using System.Numerics;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Explicit;

/// <summary>The explicit check cannot decide this execution (a choice the model makes, a fixpoint that never settles): ask the solver.</summary>
public sealed class ExplicitCheckNotApplicableException(string why) : Exception(why);

/// <summary>The candidate is none of the model's executions (its coherence order is not one the model generates).</summary>
public sealed class NotAnExecutionException() : Exception("not an execution of the model");

/// <summary>
/// The cat semantics over ONE concrete execution, as herd evaluates a model: sets and relations are bit sets
/// over the execution's events, closures are computed, fixpoints iterated, and each axiom is simply true or
/// false. What the execution is (its events, names, values, locations) comes from the subclass. Models that
/// choose (<c>with ... from</c>, linearisations) are not handled: herd would run the rest of the model once per
/// choice, which is the solver's job here.
/// </summary>
public abstract class BitAlgebra(int n, StaticValues? shared = null) : IRelationAlgebra<EventSet, EventRelation>
{
    private readonly StaticValues _shared = shared ?? new StaticValues();

    /// <summary>The values every execution of the test shares, and operations on them (see <see cref="StaticValues"/>).</summary>
    protected StaticValues Shared => _shared;

    /// <summary>
    /// An operation's result computed before, when its operands are static (the same in every execution of the
    /// test); otherwise null, and <paramref name="key"/> says whether to <see cref="Keep"/> the result.
    /// </summary>
    private T? Known<T>(int op, object a, object? b, out (int, object, object?)? key) where T : class
    {
        key = _shared.Key(op, a, b);
        return _shared.Known<T>(key);
    }

    private T Keep<T>((int, object, object?)? key, T made) where T : class => _shared.Keep(key, made);

    /// <summary>Kleene iterations after which a <c>let rec</c> that has not settled is left to the solver.</summary>
    private const int FixpointBound = 10_000;

    protected int N { get; } = n;

    /// <summary>An empty relation: a scratch one from the shared pool (<see cref="StaticValues.ReleaseScratch"/>) when there is one.</summary>
    protected EventRelation NewRelation() => _shared.TakeScratch(N);

    /// <summary>A relation whose every word the caller writes (its old contents are not cleared).</summary>
    private EventRelation Overwritten() => _shared.TakeScratch(N, clear: false);
    private readonly int _w = EventSet.Words(n);

    /// <summary>The axioms that failed, by name, one entry per failing check.</summary>
    public List<string> FailedAxioms { get; } = [];

    /// <summary>Stop at the first failed axiom (<see cref="Finished"/>): the failed and checked lists then end there, and no flag after it is checked.</summary>
    public bool StopAtFirstFailure { get; init; }

    public bool Finished => StopAtFirstFailure && FailedAxioms.Count > 0;

    /// <summary>Closures and fixpoints over one execution are computed in full, whatever the mode.</summary>
    public bool BoundsAreExact => true;

    /// <summary>Every axiom checked, by name, in the model's order (failed or not).</summary>
    public List<string> CheckedAxioms { get; } = [];

    /// <summary>The flags this execution raises, by name, in the model's order (<see cref="ModelCheck.UndefinedFlag"/> for a failed <c>undefined_unless</c>).</summary>
    public List<string> RaisedFlags { get; } = [];

    /// <summary>Every flag the model can raise, by name, in the model's order.</summary>
    public List<string> CheckedFlags { get; } = [];

    // Fresh each time, not shared: the interpreter returns EmptyRelation for an operand that is empty in this execution
    // only, and a shared (static) object would then pass for a value the same in every execution.
    public EventSet EmptySet => new(N);
    public EventRelation EmptyRelation => new(N);

    // These are constants of the model, the same in every execution: shared, and static (a fixpoint that starts from
    // one and only meets static values, such as lkmm.bell's matching of rcu_read_lock()s, is then computed once).
    public EventSet ConstantEmptySet => _constantEmptySet ??= _shared.Named("{}", () => new EventSet(N));
    public EventRelation ConstantEmptyRelation => _constantEmptyRelation ??= _shared.Named("0", () => new EventRelation(N));
    private EventSet? _constantEmptySet;
    private EventRelation? _constantEmptyRelation;
    public abstract EventSet AllEvents { get; }

    public bool IsEmpty(EventSet s) => s.IsEmpty;
    public bool IsEmpty(EventRelation r) => r.IsEmpty;

    private enum Bitwise { Or, And, AndNot }

    private static void Combine(ulong[] a, ulong[] b, ulong[] into, Bitwise op)
    {
        switch (op)
        {
            case Bitwise.Or: for (var i = 0; i < into.Length; i++) into[i] = a[i] | b[i]; break;
            case Bitwise.And: for (var i = 0; i < into.Length; i++) into[i] = a[i] & b[i]; break;
            default: for (var i = 0; i < into.Length; i++) into[i] = a[i] & ~b[i]; break;
        }
    }

    private EventSet Words(EventSet a, EventSet b, Bitwise op)
    {
        var r = new EventSet(N);
        Combine(a.Bits, b.Bits, r.Bits, op);
        return r;
    }

    private EventRelation Words(EventRelation a, EventRelation b, Bitwise op)
    {
        var r = Overwritten();
        Combine(a.Bits, b.Bits, r.Bits, op);
        return r;
    }

    public EventSet Union(EventSet a, EventSet b) => Known<EventSet>(1, a, b, out var k) ?? Keep(k, Words(a, b, Bitwise.Or));
    public EventSet Inter(EventSet a, EventSet b) => Known<EventSet>(2, a, b, out var k) ?? Keep(k, Words(a, b, Bitwise.And));
    public EventSet Diff(EventSet a, EventSet b) => Known<EventSet>(3, a, b, out var k) ?? Keep(k, Words(a, b, Bitwise.AndNot));
    public EventRelation Union(EventRelation a, EventRelation b) => Known<EventRelation>(4, a, b, out var k) ?? Keep(k, Words(a, b, Bitwise.Or));
    public EventRelation Inter(EventRelation a, EventRelation b) => Known<EventRelation>(5, a, b, out var k) ?? Keep(k, Words(a, b, Bitwise.And));
    public EventRelation Diff(EventRelation a, EventRelation b) => Known<EventRelation>(6, a, b, out var k) ?? Keep(k, Words(a, b, Bitwise.AndNot));

    /// <summary>Row x of a;b is the union of b's rows over a's successors of x.</summary>
    public EventRelation Seq(EventRelation a, EventRelation b) => Known<EventRelation>(7, a, b, out var k) ?? Keep(k, SeqOf(a, b));

    private EventRelation SeqOf(EventRelation a, EventRelation b)
    {
        if (_w == 1)
        {
            // up to 64 events (most tests): one word per row
            var one = Overwritten();
            var (ab, bb, rb) = (a.Bits, b.Bits, one.Bits);
            for (var x = 0; x < N; x++)
            {
                var row = 0UL;
                for (var bits = ab[x]; bits != 0; bits &= bits - 1) row |= bb[BitOperations.TrailingZeroCount(bits)];
                rb[x] = row;
            }
            return one;
        }
        var r = NewRelation();
        for (var x = 0; x < N; x++)
            for (var w = 0; w < _w; w++)
                for (var bits = a.Bits[x * _w + w]; bits != 0; bits &= bits - 1)
                    b.OrRowInto((w << 6) + BitOperations.TrailingZeroCount(bits), r.Bits, x);
        return r;
    }

    public EventRelation Inverse(EventRelation a) => Known<EventRelation>(8, a, null, out var k) ?? Keep(k, InverseOf(a));

    private EventRelation InverseOf(EventRelation a)
    {
        var r = NewRelation();
        foreach (var (x, y) in a.Pairs()) r.Add(y, x);
        return r;
    }

    /// <summary>Warshall's closure on bit rows: O(n² · n/64).</summary>
    public EventRelation Plus(EventRelation a, bool exact) => Known<EventRelation>(9, a, null, out var k) ?? Keep(k, PlusOf(a));

    private EventRelation PlusOf(EventRelation a)
    {
        var r = Overwritten();
        Array.Copy(a.Bits, r.Bits, a.Bits.Length);
        if (_w == 1)
        {
            var bits = r.Bits;
            for (var k = 0; k < N; k++)
            {
                var (rowK, bit) = (bits[k], 1UL << k);
                if (rowK == 0) continue;
                for (var i = 0; i < N; i++)
                    if ((bits[i] & bit) != 0) bits[i] |= rowK;
            }
            return r;
        }
        for (var k = 0; k < N; k++)
        {
            if (r.RowIsEmpty(k)) continue; // nothing to pass on through k (most rows of a sparse relation)
            var (word, bit) = (k >> 6, 1UL << (k & 63));
            for (var i = 0; i < N; i++)
                if ((r.Bits[i * _w + word] & bit) != 0) r.OrRowInto(k, r.Bits, i);
        }
        return r;
    }

    public EventRelation Product(EventSet a, EventSet b) => Known<EventRelation>(10, a, b, out var k) ?? Keep(k, ProductOf(a, b));

    private EventRelation ProductOf(EventSet a, EventSet b)
    {
        var r = NewRelation();
        foreach (var x in a.Members()) Array.Copy(b.Bits, 0, r.Bits, x * _w, _w);
        return r;
    }

    public EventRelation Identity(EventSet s) => Known<EventRelation>(11, s, null, out var k) ?? Keep(k, IdentityOf(s));

    private EventRelation IdentityOf(EventSet s)
    {
        var r = NewRelation();
        foreach (var x in s.Members()) r.Add(x, x);
        return r;
    }

    public EventSet Domain(EventRelation r) => Known<EventSet>(12, r, null, out var k) ?? Keep(k, DomainOf(r));

    private EventSet DomainOf(EventRelation r)
    {
        var s = new EventSet(N);
        for (var x = 0; x < N; x++)
            for (var w = 0; w < _w; w++)
                if (r.Bits[x * _w + w] != 0) { s.Add(x); break; }
        return s;
    }

    public EventSet Range(EventRelation r) => Known<EventSet>(13, r, null, out var k) ?? Keep(k, RangeOf(r));

    private EventSet RangeOf(EventRelation r)
    {
        var s = new ulong[_w];
        for (var x = 0; x < N; x++)
            for (var w = 0; w < _w; w++) s[w] |= r.Bits[x * _w + w];
        return new EventSet(s);
    }

    /// <summary>The value an event reads or writes in this execution, or null when it has none (a fence).</summary>
    protected abstract long? ValueOf(int e);

    /// <summary>The address an event accesses in this execution, or null when it accesses none.</summary>
    protected abstract long? AddressOf(int e);

    public EventRelation DifferentValues(EventRelation r) => FilterByValues(r, equal: false);
    public EventRelation SameValues(EventRelation r) => FilterByValues(r, equal: true);

    private EventRelation FilterByValues(EventRelation r, bool equal)
    {
        var result = NewRelation();
        foreach (var (x, y) in r.Pairs())
            if (ValueOf(x) is { } vx && ValueOf(y) is { } vy && (vx == vy) == equal) result.Add(x, y);
        return result;
    }

    public abstract SetOrRel<EventSet, EventRelation>? Predefined(string name);
    public abstract EventSet Tagged(string tag);

    /// <summary>herd's way (see SymbolicAlgebra.LeastFixpoint): iterate until an iterate is included in the one before, and return it.</summary>
    public IReadOnlyList<SetOrRel<EventSet, EventRelation>> LeastFixpoint(IReadOnlyList<SetOrRel<EventSet, EventRelation>> start,
        Func<IReadOnlyList<SetOrRel<EventSet, EventRelation>>, IReadOnlyList<SetOrRel<EventSet, EventRelation>>> step, SourceSpan span, bool exact)
    {
        var current = start;
        for (var i = 0; i < FixpointBound; i++)
        {
            var next = step(current);
            if (next.Zip(current).All(p => p.First.IsSet ? p.First.Set.SubsetOf(p.Second.Set) : p.First.Rel.SubsetOf(p.Second.Rel)))
                return next;
            current = next;
        }
        throw new ExplicitCheckNotApplicableException($"the fixpoint at {span} does not settle");
    }

    public IReadOnlyList<EventSet> Elements(EventSet s) => s.Members().Select(e =>
    {
        var one = new EventSet(N);
        one.Add(e);
        return one;
    }).ToList();

    public IReadOnlyList<EventRelation> Pairs(EventRelation r) => r.Pairs().Select(p =>
    {
        var one = NewRelation();
        one.Add(p.From, p.To);
        return one;
    }).ToList();

    public IReadOnlyList<EventSet> PartitionByLocation(EventSet s)
    {
        var groups = new Dictionary<long, EventSet>();
        foreach (var e in s.Members())
            if (AddressOf(e) is { } a)
            {
                if (!groups.TryGetValue(a, out var g)) groups[a] = g = new EventSet(N);
                g.Add(e);
            }
        return groups.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToList();
    }

    /// <summary>
    /// Which option each <c>with x from S</c> of this run takes, in the order the run meets them (the first option
    /// past the end): herd runs the rest of the model once per pick, and whoever runs the model over one candidate
    /// does the same, one run per script (see <see cref="ChoiceCounts"/>).
    /// </summary>
    public IReadOnlyList<int> ChoiceScript { get; init; } = [];

    /// <summary>How many options each choice this run met had: what the next script may pick.</summary>
    public List<int> ChoiceCounts { get; } = [];

    /// <summary>The option the script says (see <see cref="ChoiceScript"/>), among those there; none there: no execution.</summary>
    public EventRelation ChooseOne(IReadOnlyList<EventSet> present, IReadOnlyList<(IReadOnlyList<EventSet> Witness, EventRelation Option)> options)
    {
        if (present.Any(p => p.IsEmpty)) return NewRelation();
        var there = options.Where(o => o.Witness.All(w => !w.IsEmpty)).ToList();
        if (there.Count == 0) throw new NotAnExecutionException();
        var k = ChoiceCounts.Count < ChoiceScript.Count ? ChoiceScript[ChoiceCounts.Count] : 0;
        ChoiceCounts.Add(there.Count);
        // A copy: the options are often the same in every run (static), the pick is not.
        var pick = NewRelation();
        there[k].Option.Bits.CopyTo(pick.Bits, 0);
        return pick;
    }

    /// <summary>
    /// The sets each linearisation of this run ordered (in the execution's order, see <see cref="Linearisation"/>): herd
    /// counts an execution per pick, so two candidates that order these sets alike are one execution of the model.
    /// </summary>
    public List<List<int>> Picked { get; } = [];

    /// <summary>
    /// The coherence order the execution itself carries, when it has one (a candidate that the engine gave a co), or
    /// null. A model that generates co (<c>with co from generate_cos(...)</c>) then takes it, as herd takes one of its
    /// linearisations per candidate: each candidate co is exactly one of them, or none (see <see cref="Linearisation"/>).
    /// </summary>
    protected virtual EventRelation? ExecutionOrder() => null;

    /// <summary>
    /// herd enumerates the linearisations of <paramref name="order"/> on <paramref name="s"/>; over one candidate with
    /// a coherence order of its own the choice is made: that order on s, when it is a linearisation of
    /// <paramref name="order"/> there (a strict total order of s containing it), and otherwise the candidate is not one
    /// of this model's executions (<see cref="NotAnExecutionException"/>). Without such an order, the solver decides.
    /// </summary>
    public EventRelation Linearisation(IReadOnlyList<EventSet> present, EventSet s, EventRelation order)
    {
        if (present.Any(p => p.IsEmpty)) return NewRelation();
        var co = ExecutionOrder() ?? throw new ExplicitCheckNotApplicableException("the model chooses a linearisation");
        var members = s.Members().ToList();
        var chosen = NewRelation();
        foreach (var a in members)
            foreach (var b in members)
                if (a != b)
                {
                    if (co.Contains(a, b)) chosen.Add(a, b);
                    else if (!co.Contains(b, a)) throw new ExplicitCheckNotApplicableException("the execution's order does not cover a linearised set");
                    if (order.Contains(a, b) && !co.Contains(a, b)) throw new NotAnExecutionException();
                }
        Picked.Add([.. members.OrderBy(a => members.Count(b => co.Contains(b, a)))]);
        return chosen;
    }

    /// <summary>
    /// As the symbolic algebra encodes it: an axiom fails when its check (with its ~) does not hold, a flag is raised
    /// when it holds, and <c>undefined_unless</c> raises herd's undef flag when its check fails.
    /// </summary>
    public void Check(ModelCheck check, SetOrRel<EventSet, EventRelation> value)
    {
        var holds = value.IsSet ? value.Set.IsEmpty : check.Kind switch
        {
            CatCheckKind.Acyclic => !value.Rel.HasCycle(),
            CatCheckKind.Irreflexive => !value.Rel.HasLoop(),
            _ => value.Rel.IsEmpty,
        };
        var checkHolds = holds != check.Negated;
        switch (check.Role)
        {
            case CheckRole.Axiom:
                CheckedAxioms.Add(check.Name);
                if (!checkHolds) FailedAxioms.Add(check.Name);
                break;
            case CheckRole.Flag:
                CheckedFlags.Add(check.Name);
                if (checkHolds) RaisedFlags.Add(check.Name);
                break;
            default:
                CheckedFlags.Add(ModelCheck.UndefinedFlag);
                if (!checkHolds) RaisedFlags.Add(ModelCheck.UndefinedFlag);
                break;
        }
    }

    public bool IsRunInvariant(EventSet s) => _shared.IsStatic(s);
    public bool IsRunInvariant(EventRelation r) => _shared.IsStatic(r);

    /// <summary>Set to false on every run after the first over the same test (the declarations do not change).</summary>
    public bool WantsInstructions { get; init; } = true;

    public virtual void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span) { }
}

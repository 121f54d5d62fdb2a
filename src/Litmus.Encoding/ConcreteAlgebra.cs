using Litmus.Logic;
using Litmus.Models;
using Litmus.Models.Explicit;
using Litmus.Syntax;

namespace Litmus.Encoding;

/// <summary>
/// One concrete execution of a test, for the cat interpreter: the predefined sets and relations are the
/// symbolic ones (<see cref="ExecutionRelations.Predefined"/>) with every entry's condition evaluated under the
/// execution's assignment of the encoding's variables (which events exist, rf, co, values).
/// </summary>
public sealed class ConcreteAlgebra(ExecutionRelations exec, TermEvaluator eval, StaticValues? shared = null) : BitAlgebra(exec.EventCount, shared)
{
    // This run's own values (those not the same in every execution), made when first asked: most runs share all
    // their tags and many of their names (see StaticValues).
    private Dictionary<string, SetOrRel<EventSet, EventRelation>?>? _predefined;
    private Dictionary<string, EventSet>? _tagged;
    private EventSet? _all;

    public override EventSet AllEvents => _all ??= Set(exec.All, "_");

    public override SetOrRel<EventSet, EventRelation>? Predefined(string name)
    {
        if (Shared.TryNamed(name, out var shared) && shared is not null) return Of(shared);
        _predefined ??= new(StringComparer.Ordinal);
        if (_predefined.TryGetValue(name, out var known)) return known;
        var made = exec.Predefined(name) is { } v
            ? v.IsSet ? SetOrRel<EventSet, EventRelation>.OfSet(Set(v.Set, name)) : SetOrRel<EventSet, EventRelation>.OfRel(Rel(v.Rel, name))
            : (SetOrRel<EventSet, EventRelation>?)null;
        _predefined[name] = made;
        return made;
    }

    private static SetOrRel<EventSet, EventRelation> Of(object shared) => shared is EventSet s
        ? SetOrRel<EventSet, EventRelation>.OfSet(s) : SetOrRel<EventSet, EventRelation>.OfRel((EventRelation)shared);

    public override EventSet Tagged(string tag)
    {
        if (Shared.TryTag(tag, out var shared) && shared is not null) return (EventSet)shared;
        _tagged ??= new(StringComparer.Ordinal);
        if (!_tagged.TryGetValue(tag, out var s)) _tagged[tag] = s = Shared.Tag(tag, () => exec.Tagged(tag).IsConstant, () => Set(exec.Tagged(tag)));
        return s;
    }

    /// <summary>The bell file's declarations go to the execution, which checks the test's annotations against them.</summary>
    public override void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span) =>
        exec.DeclareInstructions(eventKind, tags, span);

    /// <summary>The candidate's co, when the engine makes co (the model's choice of co is then this one).</summary>
    protected override EventRelation? ExecutionOrder() => exec.CoFromModel ? null : CandidateCo;

    /// <summary>The candidate's rf, lock events' pairs included (what the model's predefined rf may leave out, see ExecutionRelations.ModelOrdersLocks).</summary>
    public EventRelation CandidateRf => _rf ??= Rel(exec.Rf, "rf!candidate");

    /// <summary>The candidate's co (see <see cref="CandidateRf"/>); none when the model makes co from nothing (CoFromModel).</summary>
    public EventRelation? CandidateCo => exec.CoFromModel ? null : _co ??= Rel(exec.Co, "co!candidate");

    private EventRelation? _rf, _co;

    /// <summary>
    /// Whether <paramref name="rf"/> and <paramref name="co"/> are those of a candidate the engine lists with the same
    /// events and values as this one: each read that this candidate's rf gives a source has one (and nothing else
    /// has one), a write of the value it reads; co orders, one way, exactly the pairs this candidate's co orders
    /// (the writes that happen, per location), without a cycle and with the initial writes first; and the lock events
    /// are where the listing looks for them (<see cref="LockOrders"/>).
    /// </summary>
    public bool IsCandidateShaped(EventRelation rf, EventRelation co)
    {
        var (ownRf, ownCo) = (CandidateRf, CandidateCo!);
        for (var b = 0; b < N; b++)
        {
            int sources = 0, own = 0;
            for (var a = 0; a < N; a++)
            {
                if (ownRf.Contains(a, b)) own++;
                if (!rf.Contains(a, b)) continue;
                sources++;
                if (ValueOf(a) is not { } v || ValueOf(b) != v) return false;
            }
            if (sources != own) return false;
        }
        for (var a = 0; a < N; a++)
            for (var b = 0; b < N; b++)
            {
                if (co.Contains(a, b) && (co.Contains(b, a) || exec.EventAt(b).IsInit)) return false;
                if ((co.Contains(a, b) || co.Contains(b, a)) != (ownCo.Contains(a, b) || ownCo.Contains(b, a))) return false;
            }
        return !co.HasCycle() && new LockOrders(exec).KeptBy(rf, co, N);
    }

    protected override long? ValueOf(int e) => exec.ValueOf(e) is { } v ? eval.Value(v) : null;

    protected override long? AddressOf(int e) => exec.EventAt(e).Address is { } a ? eval.Value(a) : null;

    /// <summary>The set in this execution; one shared object for every execution when its members are known without solving.</summary>
    private EventSet Set(SymSet s, string name) => Shared.Named(name, () => s.IsConstant, () => Set(s));

    private EventRelation Rel(SymRel r, string name) => Shared.Named(name, () => r.IsConstant, () => Rel(r));

    public EventSet Set(SymSet s)
    {
        var r = new EventSet(N);
        foreach (var (e, t) in s.Members())
            if (eval.Bool(t)) r.Add(e);
        return r;
    }

    public EventRelation Rel(SymRel s)
    {
        var r = NewRelation();
        for (var a = 0; a < s.Size; a++)
            foreach (var (b, t) in s.Rows[a])
                if (eval.Bool(t)) r.Add(a, b);
        return r;
    }
}

using Litmus.Events;
using Litmus.Models;

namespace Litmus.Encoding;

using SymSetOrRel = SetOrRel<SymSet, SymRel>;

public sealed partial class ExecutionRelations
{
    /// <summary>herd's predefined sets and relations, built on first use and cached.</summary>
    public SymSetOrRel? Predefined(string name)
    {
        if (_predefined.TryGetValue(name, out var v)) return v;
        // Without co from the engine, herd leaves these to the model (cos-opt.cat defines them).
        if (ModelOrdersLocks && name is "co" or "fr" or "coe" or "coi" or "fre" or "fri") return null;
        SymSetOrRel? made = name switch
        {
            "_" => SymSetOrRel.OfSet(All),
            "M" => SymSetOrRel.OfSet(SetOf(IsAccess)),
            "R" => SymSetOrRel.OfSet(SetOf(SeenAsRead)),
            "W" => SymSetOrRel.OfSet(SetOf(SeenAsWrite)),
            "F" => SymSetOrRel.OfSet(SetOf(e => e.Kind == EventKind.Fence)),
            "IW" => SymSetOrRel.OfSet(SetOf(e => e.IsInit)),
            "FW" => SymSetOrRel.OfSet(CoFromModel ? _chosenFinal! : FinalWrites()),
            "RMW" or "LKW" or "UL" => SymSetOrRel.OfSet(SetOf(e => e.Classes.Contains(name))),
            // Lock reads whose kind depends on the value they read (spin_trylock(), spin_is_locked()).
            "LKR" => SymSetOrRel.OfSet(LockReads(e => e.Classes.Contains("LKR"), "TRYLOCK", locked: false)),
            "LF" => SymSetOrRel.OfSet(LockReads(_ => false, "TRYLOCK", locked: true)),
            "RL" => SymSetOrRel.OfSet(LockReads(_ => false, "ISLOCKED", locked: true)),
            "RU" => SymSetOrRel.OfSet(LockReads(_ => false, "ISLOCKED", locked: false)),
            "id" => SymSetOrRel.OfRel(Identity()),
            "po" => SymSetOrRel.OfRel(ProgramOrder()),
            "loc" => SymSetOrRel.OfRel(SameLocationRelation()),
            "int" => SymSetOrRel.OfRel(Pairs((a, b) => a.Id == b.Id || (a.Thread == b.Thread && !a.IsInit))),
            "ext" => SymSetOrRel.OfRel(Pairs((a, b) => a.Id != b.Id && (a.Thread != b.Thread || a.IsInit))),
            "rf" => SymSetOrRel.OfRel(ModelOrdersLocks ? Restricted(Rf, IsAccess) : Rf),
            "co" => SymSetOrRel.OfRel(Co),
            "fr" => SymSetOrRel.OfRel(FromReads()),
            "rmw" => SymSetOrRel.OfRel(FromEdges(Program.Rmw.Where(e => IsAccess(_events[e.From]) && IsAccess(_events[e.To])))),
            "addr" => SymSetOrRel.OfRel(FromEdges(Program.Addr)),
            "data" => SymSetOrRel.OfRel(FromEdges(Program.Data)),
            "ctrl" => SymSetOrRel.OfRel(FromEdges(Program.Ctrl)),
            // herd's sm: events of the same instruction. herd's C RMW is one event, Litmus's a read and a write
            // linked by rmw, so those two are the same instruction here (sc.cat's (fr | rf | co); sm).
            "sm" => SymSetOrRel.OfRel(SameInstruction()),
            "po-loc" => SymSetOrRel.OfRel(SymRel.Inter(Terms, Rel("po"), Rel("loc"))),
            "rfe" or "coe" or "fre" => SymSetOrRel.OfRel(SymRel.Inter(Terms, Rel(name[..^1]), Rel("ext"))),
            "rfi" or "coi" or "fri" => SymSetOrRel.OfRel(SymRel.Inter(Terms, Rel(name[..^1]), Rel("int"))),
            // stdlib's co0 = loc & ((IW * (W \ IW)) | ((W \ FW) * FW)), with FW the engine's final writes when the
            // engine makes co: a model that generates another order from co0 (c11_cos.cat's mo) then agrees
            // with the final state, as in herd.
            "co0" => SymSetOrRel.OfRel(InitialAndFinalCoherence()),
            // herd's C memory orders (c11.bell binds the same names by tag2set, and a bell's binding comes first).
            "RLX" or "ACQ" or "REL" or "ACQ_REL" or "SC" or "CON" => SymSetOrRel.OfSet(SetOf(e => e.Tags.Contains(C11Tag(name)))),
            "A" => SymSetOrRel.OfSet(SetOf(e => IsAccess(e) && e.Tags.Any(IsC11Order))),
            "NA" => SymSetOrRel.OfSet(SetOf(e => IsAccess(e) && !e.Tags.Any(IsC11Order))),
            // herd's C lock events: LK the lock operations, LS a lock that succeeded.
            "LK" => SymSetOrRel.OfSet(SetOf(e => e.Classes.Contains("LKR") || e.Classes.Contains("LKW") || e.Classes.Contains("TRYLOCK"))),
            "LS" => SymSetOrRel.OfSet(SetOf(e => e.Classes.Contains("LKW"))),
            _ => null,
        };
        if (made is not { } m) return null;
        return _predefined[name] = SeenByModel(m);
    }

    /// <summary>The tag an event of herd's C set carries (the memory order's name in c11.bell: ACQ_REL is 'acq_rel).</summary>
    private static string C11Tag(string set) => set.ToLowerInvariant();

    private static bool IsC11Order(string tag) => tag is "rlx" or "acq" or "rel" or "acq_rel" or "sc" or "con";

    /// <summary>The events that are always in the set, and the reads of <paramref name="cls"/> that saw the lock held (or free).</summary>
    private SymSet LockReads(Func<Event, bool> always, string cls, bool locked)
    {
        var s = SetOf(always);
        foreach (var e in _events.Where(e => e.Classes.Contains(cls)))
        {
            var free = Terms.Eq(e.Value!, Terms.WordConst(0));
            s.Set(e.Id, Terms.And(e.Guard, locked ? Terms.Not(free) : free));
        }
        return s;
    }

    private SymRel Rel(string name) => Predefined(name)!.Value.Rel;

    /// <summary>The events carrying an annotation.</summary>
    /// <summary>The events annotated with the tag, built once per test (the explicit check asks for every tag of the bell file in each run).</summary>
    public SymSet Tagged(string tag)
    {
        if (!_tagged.TryGetValue(tag, out var s)) _tagged[tag] = s = SeenByModel(SetOf(e => e.Tags.Contains(tag)));
        return s;
    }

    private readonly Dictionary<string, SymSet> _tagged = new(StringComparer.Ordinal);

    private SymRel Pairs(Func<Event, Event, bool> related)
    {
        var r = new SymRel(EventCount);
        foreach (var a in _events)
            foreach (var b in _events)
                if (related(a, b)) r.Set(a.Id, b.Id, Terms.And(a.Guard, b.Guard));
        return r;
    }

    private SymRel Identity() => Pairs((a, b) => a.Id == b.Id);

    private SymRel SameInstruction()
    {
        var r = Identity();
        foreach (var (a, b, t) in Rel("rmw").Edges())
        {
            r.AddOr(Terms, a, b, t);
            r.AddOr(Terms, b, a, t);
        }
        return r;
    }

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/> in their thread's source order (po without handlers).</summary>
    internal static bool InProgramOrder(Event a, Event b) => !a.IsInit && a.Thread == b.Thread && a.Position >= 0 && a.Position < b.Position;

    /// <summary>Source order among each thread's own events; handlers get their place from the solver (see AddHandlerOrder).</summary>
    private SymRel ProgramOrder()
    {
        var po = Pairs(InProgramOrder);
        AddHandlerOrder(po);
        return po;
    }

    private SymRel SameLocationRelation()
    {
        var r = new SymRel(EventCount);
        foreach (var a in _events.Where(e => e.Address is not null))
            foreach (var b in _events.Where(e => e.Address is not null))
                r.Set(a.Id, b.Id, Terms.And(a.Guard, b.Guard, SameLocation(a.Id, b.Id)));
        return r;
    }

    private SymRel FromEdges(IEnumerable<Edge> edges)
    {
        var r = new SymRel(EventCount);
        foreach (var e in edges)
            r.AddOr(Terms, e.From, e.To, Terms.And(e.Condition, _events[e.From].Guard, _events[e.To].Guard));
        return r;
    }

    /// <summary>fr = rf^-1 ; co: a read is before every write co-after the one it read from.</summary>
    private SymRel FromReads()
    {
        var r = new SymRel(EventCount);
        foreach (var (w, rd, t) in Rf.Edges())
            foreach (var (w2, u) in Co.Rows[w])
                r.AddOr(Terms, rd, w2, Terms.And(t, u));
        return r;
    }

    /// <summary>
    /// The co-last write of each location. When the model orders the lock events (over a candidate that carries
    /// them), a location that only they touch has none unless the test observes it, as with a chosen final write
    /// (<see cref="EncodeChosenFinalWrites"/>).
    /// </summary>
    private SymSet FinalWrites()
    {
        var s = new SymSet(EventCount);
        var syncOnly = ModelOrdersLocks
            ? Program.Locations.Where(l => !_observedLocations.Contains(l.Name) && IsSyncObject(l)).Select(l => Terms.WordConst(l.Address)).ToList()
            : [];
        foreach (var w in _events.Where(SeenAsWrite))
            s.Set(w.Id, Terms.And([w.Guard, .. Co.Rows[w.Id].Values.Select(Terms.Not), .. syncOnly.Select(a => Terms.Ne(w.Address!, a))]));
        return s;
    }

    /// <summary>The pairs of <paramref name="r"/> between events that both pass <paramref name="keep"/> (r itself when they all do).</summary>
    private SymRel Restricted(SymRel r, Func<Event, bool> keep)
    {
        if (r.Edges().All(e => keep(_events[e.From]) && keep(_events[e.To]))) return r;
        var kept = new SymRel(EventCount);
        foreach (var (a, b, t) in r.Edges())
            if (keep(_events[a]) && keep(_events[b])) kept.Set(a, b, t);
        return kept;
    }
}

public sealed partial class ExecutionRelations
{
    /// <summary>The predefined values built so far (the names the model used).</summary>
    internal IEnumerable<SymSetOrRel> PredefinedSoFar => _predefined.Values;
}

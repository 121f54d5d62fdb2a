using Litmus.Events;
using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>What the execution provides when the model generates co itself (see <see cref="ExecutionRelations.CoFromModel"/>).</summary>
public sealed partial class ExecutionRelations
{
    private SymSet? _chosenFinal;

    /// <summary>
    /// herd fixes, before running the model, which write is the last of each location the test observes (its
    /// FW set) and orders it after the location's other writes in co0. Here a Boolean per write makes the
    /// choice. A location only spin locks or srcu_struct operations touch gets none unless the test observes it
    /// (herd's lock-final flag is about that case), since its only write in W is the initial one.
    /// </summary>
    private void EncodeChosenFinalWrites(IReadOnlySet<string> observed)
    {
        _chosenFinal = new SymSet(EventCount);
        foreach (var loc in Program.Locations.Where(l => observed.Contains(l.Name) || !IsSyncObject(l)))
        {
            var (writes, gives) = FinalValueOf(loc);
            var picks = new List<Term>();
            foreach (var (w, here) in writes)
            {
                var pick = Terms.BoolVar($"fw_{w.Id}_{loc.Name}");
                Constraints.Definitions.Add(Terms.Implies(pick, Terms.And(here, gives(w))));
                picks.Add(pick);
                _chosenFinal.Set(w.Id, _chosenFinal.Get(w.Id) is { } t ? Terms.Or(t, pick) : pick);
            }
            Constraints.Definitions.Add(Terms.Or(picks));
            AtMostOne(picks);
        }
    }

    /// <summary>A location that a lock or SRCU primitive may access.</summary>
    private bool IsSyncObject(Location l)
    {
        var address = Terms.WordConst(l.Address);
        return _events.Any(e => (IsLockEvent(e) || e.IsSrcu) && e.Address is { } a && !Terms.Eq(a, address).IsFalse);
    }

    /// <summary>
    /// herd's <c>partition</c> by location, exact for computed addresses: one class per address an event of
    /// <paramref name="s"/> may access. Known addresses (the test's locations, constant addresses) each have
    /// their class; an event whose address is computed joins the class of that address, or, when the address is
    /// none of them (a pointer left 0, say), the class led by the first such event with the same address.
    /// </summary>
    public IReadOnlyList<SymSet> PartitionByAddress(SymSet s)
    {
        var members = s.Members().Where(m => _events[m.Event].Address is not null).ToList();
        var known = Program.Locations.Select(l => l.Address)
            .Concat(members.Select(m => _events[m.Event].Address!).Where(a => a.Op == Op.WordConst).Select(a => a.Number))
            .Distinct().Order().Select(Terms.WordConst).ToList();
        var classes = new List<SymSet>();
        foreach (var address in known)
        {
            var c = new SymSet(EventCount);
            foreach (var (e, t) in members) c.Set(e, Terms.And(t, Terms.Eq(_events[e].Address!, address)));
            classes.Add(c);
        }
        var computed = members.Where(m => _events[m.Event].Address!.Op != Op.WordConst).ToList();
        for (var i = 0; i < computed.Count; i++)
        {
            var (lead, t) = computed[i];
            var address = _events[lead].Address!;
            var leads = Terms.And([t, .. known.Select(k => Terms.Ne(address, k)),
                .. computed.Take(i).Select(p => Terms.Not(Terms.And(p.Condition, Terms.Eq(_events[p.Event].Address!, address))))]);
            var c = new SymSet(EventCount);
            foreach (var (e, u) in computed.Skip(i)) c.Set(e, Terms.And(leads, u, Terms.Eq(_events[e].Address!, address)));
            classes.Add(c);
        }
        return classes;
    }

    /// <summary>herd's co0: initial writes before the other writes of their location, the final write after them.</summary>
    private SymRel InitialAndFinalCoherence()
    {
        // The sets as the model sees them, like loc (a single-event RMW's write is its read's).
        var w = Predefined("W")!.Value.Set;
        var init = Predefined("IW")!.Value.Set;
        var sameLoc = Rel("loc");
        var first = SymRel.Inter(Terms, SymRel.Product(Terms, init, w), sameLoc);
        var last = SymRel.Inter(Terms, SymRel.Product(Terms, w, Predefined("FW")!.Value.Set), sameLoc);
        var r = new SymRel(EventCount);
        foreach (var (a, b, t) in first.Edges().Concat(last.Edges()))
            if (a != b) r.AddOr(Terms, a, b, t);
        return r;
    }
}

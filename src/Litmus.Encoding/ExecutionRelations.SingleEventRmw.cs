using Litmus.Events;
using Litmus.Models;

namespace Litmus.Encoding;

using SymSetOrRel = SetOrRel<SymSet, SymRel>;

/// <summary>
/// herd's C front end makes a C11 read-modify-write (atomic_exchange, atomic_fetch_*, a compare-exchange that
/// succeeds) ONE event that is both R and W, with no rmw edge; the kernel's xchg(), cmpxchg() and atomic_*()
/// are a read and a write linked by rmw. The engine makes every RMW a read and a write (rf and co need the
/// two values); for the C11 ones the model sees them as herd does: the write is merged into its read, so that
/// event is in R, W and RMW, carries the relations of both halves, and the edges between the halves (po, rmw,
/// fr's read-to-own-write, dependencies) are gone. Models that are written for one event only (herd's
/// c11_partialSC.cat, simple-c11.cat and sc.cat use R &amp; W, toid(RMW) and (rf^-1;co) \ id) then give herd's
/// answers.
/// </summary>
public sealed partial class ExecutionRelations
{
    /// <summary>For each event, the event the model sees in its place: the read of a single-event RMW for its write, itself otherwise.</summary>
    private int[] _seenAs = [];

    private bool HasSingleEventRmw => Program.SingleEventRmw.Count > 0;

    private void MapRmws()
    {
        _seenAs = Enumerable.Range(0, EventCount).ToArray();
        foreach (var e in Program.SingleEventRmw) _seenAs[e.To] = e.From;
        _ownRmwWrites = Program.Rmw.Select(e => (e.From, e.To)).ToHashSet();
    }

    /// <summary>The write half of a single-event RMW, which the model never sees on its own.</summary>
    private bool IsMergedWrite(int id) => _seenAs[id] != id;

    /// <summary>
    /// A read does not read from the write of its own RMW: herd's single event cannot read from itself, and herd
    /// gives a kernel RMW's read no rf from the write rmw links it to (under a model with no axioms,
    /// <c>r1 = atomic_fetch_add(0, x)</c> never reads its own write, which no constant would rule out).
    /// </summary>
    private bool IsOwnWrite(int write, int read) => _ownRmwWrites.Contains((read, write));

    /// <summary>The (read, write) pairs of the program's rmw (single-event RMWs among them).</summary>
    private HashSet<(int Read, int Write)> _ownRmwWrites = [];

    /// <summary>The value as the model sees it (see the class comment).</summary>
    private SymSetOrRel SeenByModel(SymSetOrRel v) => v.IsSet ? SymSetOrRel.OfSet(SeenByModel(v.Set)) : SymSetOrRel.OfRel(SeenByModel(v.Rel));

    private SymSet SeenByModel(SymSet s)
    {
        if (!HasSingleEventRmw) return s;
        var r = new SymSet(EventCount);
        foreach (var (e, t) in s.Members())
        {
            var at = _seenAs[e];
            r.Set(at, r.Get(at) is { } u ? Terms.Or(u, t) : t);
        }
        return r;
    }

    private SymRel SeenByModel(SymRel rel)
    {
        if (!HasSingleEventRmw) return rel;
        var r = new SymRel(EventCount);
        foreach (var (a, b, t) in rel.Edges())
        {
            var (sa, sb) = (_seenAs[a], _seenAs[b]);
            if (sa == sb && a != b) continue; // an edge between the two halves of one event
            r.AddOr(Terms, sa, sb, t);
        }
        return r;
    }
}

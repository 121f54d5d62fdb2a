using Litmus.Events;
using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>
/// Program order around membarrier handlers. A handler's place in its thread B is the set of B's own events
/// before it: a Boolean <c>before(H, e)</c> per event, which the solver chooses, subject to
/// <list type="bullet">
/// <item>the set being closed downwards under compiler-preserved order (cpo): if e2 is before the handler and
/// the compiler keeps e1 before e2, so is e1;</item>
/// <item>the two halves of B's own membarrier calls, and (for RSEQ handlers) rseq critical sections, lying wholly
/// on one side;</item>
/// <item>handlers of different calls in one thread running one after the other, in an order the solver also
/// chooses: the earlier one's set is contained in the later one's.</item>
/// </list>
/// B's own events keep their source order among themselves. No insertion point is enumerated.
/// </summary>
public sealed partial class ExecutionRelations
{
    private readonly Dictionary<(int Call, int Target, int Event), Term> _before = new();
    private readonly Dictionary<(int Call1, int Call2, int Target), Term> _handlerOrder = new();

    /// <summary>Whether event e (of the handler's thread) is before the handler of <paramref name="call"/> in thread <paramref name="target"/>.</summary>
    public Term Before(int call, int target, int e) => _before[(call, target, e)];

    /// <summary>
    /// The handlers placed in their threads. They are placed with po, so a model that never reads po leaves
    /// this empty, and no handler has a place (<see cref="Before"/>).
    /// </summary>
    public IReadOnlyList<MembarrierHandler> Handlers { get; private set; } = [];

    private void AddHandlerOrder(SymRel po)
    {
        Handlers = Program.Membarriers.SelectMany(m => m.Handlers).ToList();
        foreach (var h in Handlers)
        {
            var own = _events.Where(e => e.Thread == h.Target && e.Position >= 0).ToList();
            var inside = h.Events.ToList();
            // Inside the handler: read the request, full barrier, write the acknowledgement.
            for (var i = 0; i < inside.Count; i++)
                for (var j = i + 1; j < inside.Count; j++)
                    po.Set(inside[i], inside[j], Guard(inside[i]));
            foreach (var e in own)
            {
                var before = Terms.BoolVar($"before_{h.Call}_{h.Target}_{e.Id}");
                _before[(h.Call, h.Target, e.Id)] = before;
                foreach (var x in inside)
                {
                    po.Set(e.Id, x, Terms.And(e.Guard, Guard(x), before));
                    po.Set(x, e.Id, Terms.And(e.Guard, Guard(x), Terms.Not(before)));
                }
            }
            foreach (var c in Program.CompilerOrder.Where(c => _events[c.Before].Thread == h.Target))
                Constraints.Definitions.Add(Terms.Implies(Terms.And(c.Condition, Before(h.Call, h.Target, c.After)), Before(h.Call, h.Target, c.Before)));
            var rseq = Program.Membarriers[h.Call].Command == MembarrierCommand.PrivateExpeditedRseq;
            foreach (var g in Program.SameSideGroups.Where(g => g.Thread == h.Target && (rseq || !g.RseqOnly)))
                foreach (var e in g.Events.Skip(1))
                    Constraints.Definitions.Add(Terms.Iff(Before(h.Call, h.Target, g.Events[0]), Before(h.Call, h.Target, e)));
        }
        OrderHandlersOfOneThread(po);
    }

    private void OrderHandlersOfOneThread(SymRel po)
    {
        foreach (var group in Handlers.GroupBy(h => h.Target))
        {
            var hs = group.ToList();
            var own = _events.Where(e => e.Thread == group.Key && e.Position >= 0).ToList();
            for (var i = 0; i < hs.Count; i++)
                for (var j = i + 1; j < hs.Count; j++)
                {
                    var (a, b) = (hs[i], hs[j]);
                    var aFirst = Terms.BoolVar($"handlerorder_{a.Call}_{b.Call}_{group.Key}");
                    _handlerOrder[(a.Call, b.Call, group.Key)] = aFirst;
                    foreach (var x in a.Events)
                        foreach (var y in b.Events)
                        {
                            po.Set(x, y, Terms.And(Guard(x), Guard(y), aFirst));
                            po.Set(y, x, Terms.And(Guard(x), Guard(y), Terms.Not(aFirst)));
                        }
                    // The earlier handler has no more of the thread before it than the later one.
                    foreach (var e in own)
                    {
                        var (ba, bb) = (Before(a.Call, group.Key, e.Id), Before(b.Call, group.Key, e.Id));
                        Constraints.Definitions.Add(Terms.Implies(aFirst, Terms.Implies(ba, bb)));
                        Constraints.Definitions.Add(Terms.Implies(Terms.Not(aFirst), Terms.Implies(bb, ba)));
                    }
                }
        }
    }

    /// <summary>Whether the handler of call <paramref name="a"/> runs before that of <paramref name="b"/> in <paramref name="target"/>.</summary>
    public Term? HandlerFirst(int a, int b, int target) =>
        _handlerOrder.TryGetValue((a, b, target), out var t) ? t
        : _handlerOrder.TryGetValue((b, a, target), out var u) ? Terms.Not(u) : null;
}

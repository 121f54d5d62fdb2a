using Litmus.Encoding;
using Litmus.Events;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>Reads a <see cref="Witness"/> off the solver's model of a test's encoding.</summary>
public static class WitnessReader
{
    public static Witness Read(TestEncoding enc, IModel m)
    {
        var prog = enc.Program;
        var exec = enc.Execution;
        var hidden = prog.Locations.Where(l => l.Hidden).Select(l => l.Address).ToHashSet();
        string Show(long v) => ValueNames.Show(prog, v);
        bool CallFence(Event e) => e.Kind == EventKind.Fence && prog.Membarriers.Any(c => c.Thread == e.Thread && c.Span == e.Span);

        var events = prog.Events.Where(e => m.EvalBool(e.Guard)).Select(e => new WitnessEvent(
            e.Id, e.Thread, e.Position, e.Kind, e.Span.Line, e.Text,
            e.Address is null ? null : Show(m.EvalWord(e.Address)),
            e.Value is null ? null : Show(m.EvalWord(e.Value)),
            AtHiddenLocation: e.Address is not null && hidden.Contains(m.EvalWord(e.Address)),
            MembarrierFence: CallFence(e),
            RepeatsCallFence: CallFence(e) && prog.Events.Any(o => o.Thread == e.Thread && o.Kind == EventKind.Fence && o.Span == e.Span && o.Position < e.Position)))
            .ToList();
        var happened = events.Select(e => e.Id).ToHashSet();

        var readsFrom = enc.Rf.Edges().Where(e => m.EvalBool(e.Condition)).Select(e => new ReadFrom(e.From, e.To)).ToList();

        var coherence = new List<CoherenceOrder>();
        foreach (var loc in prog.Locations.Where(l => !l.Hidden))
        {
            var writes = prog.Events.Where(e => e.Kind == EventKind.Write && happened.Contains(e.Id) && m.EvalWord(e.Address!) == loc.Address).ToList();
            var order = writes.OrderBy(w => writes.Count(o => o != w && enc.Co.Get(o.Id, w.Id) is { } c && m.EvalBool(c)));
            coherence.Add(new CoherenceOrder(loc.Name, order.Select(w => w.Id).ToList()));
        }

        var calls = prog.Membarriers.Where(c => m.EvalBool(c.Guard)).ToList();
        var placements = calls.Select(call => new MembarrierPlacement(call.Id, call.Thread, call.Span.Line, MembarrierCommands.Name(call.Command),
            // A model that never reads po leaves the handlers unplaced: the witness then shows none.
            call.Handlers.Where(exec.Handlers.Contains).Select(h => new HandlerPlacement(h.Target, prog.ThreadEvents(h.Target)
                .Where(e => e.Position >= 0 && happened.Contains(e.Id) && m.EvalBool(exec.Before(call.Id, h.Target, e.Id)))
                .Select(e => e.Id).ToHashSet())).ToList())).ToList();

        var orders = new List<HandlerOrder>();
        foreach (var a in calls)
            foreach (var b in calls.Where(b => b.Id > a.Id))
                foreach (var target in a.Handlers.Select(h => h.Target).Intersect(b.Handlers.Select(h => h.Target)))
                    if (exec.HandlerFirst(a.Id, b.Id, target) is { } first)
                        orders.Add(new HandlerOrder(a.Id, b.Id, target, m.EvalBool(first)));

        var finals = prog.Locations.Where(l => !l.Hidden && exec.FinalValues.ContainsKey(l.Name))
            .Select(l => (l.Name, Show(m.EvalWord(exec.FinalValues[l.Name])))).ToList();
        return new Witness(prog.Test.Name, enc.Test.Condition.Quantifier, prog.ThreadCount, events, readsFrom, coherence, placements, orders, finals);
    }
}

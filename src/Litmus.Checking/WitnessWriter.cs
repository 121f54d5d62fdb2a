using Litmus.Encoding;
using Litmus.Events;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>
/// Describes an execution found by the solver, for people: each thread's events with source lines, where each
/// membarrier's handlers ran, rf, co and final values. The engine's handshake events and locations are hidden;
/// a handler shows as the place it ran.
/// </summary>
public static class WitnessWriter
{
    public static Witness Describe(TestEncoding enc, IModel m)
    {
        var lines = new List<string>();
        var prog = enc.Program;
        var exec = enc.Execution;
        var hidden = prog.Locations.Where(l => l.Hidden).Select(l => l.Address).ToHashSet();
        bool Happened(Event e) => m.EvalBool(e.Guard);
        bool IsHandshake(Event e) => prog.IsHandlerEvent(e) || (e.Address is not null && hidden.Contains(m.EvalValue(e.Address)));
        string Name(Event e) => e.IsInit ? $"init {e.Text}" : $"P{e.Thread}:{e.Span.Line} {e.Text}";
        string Show(long v) => ValueNames.Show(prog, v);

        for (var t = 0; t < prog.ThreadCount; t++)
        {
            var happened = prog.ThreadEvents(t).Where(e => !prog.IsHandlerEvent(e) && Happened(e)).ToList();
            lines.Add($"P{t}:" + (happened.Count == 0 ? " (no events)" : ""));
            var shownCalls = new HashSet<int>();
            foreach (var e in happened)
            {
                if (IsHandshake(e) || (e.Kind == EventKind.Fence && prog.Membarriers.Any(c => c.Thread == t && c.Span == e.Span)))
                {
                    // A membarrier call is one line, not its fences and handshake accesses.
                    if (shownCalls.Add(e.Span.Line)) lines.Add($"  line {e.Span.Line}: {e.Text}");
                    continue;
                }
                var what = e.Kind switch
                {
                    EventKind.Read => $"reads {Show(m.EvalValue(e.Value!))}",
                    EventKind.Write => $"writes {Show(m.EvalValue(e.Value!))}",
                    EventKind.Srcu when e.Value is not null => $"index {Show(m.EvalValue(e.Value))}",
                    EventKind.Srcu => "grace period",
                    _ => "fence",
                };
                var where = e.Address is null ? "" : $" at {Show(m.EvalValue(e.Address))}";
                lines.Add($"  line {e.Span.Line}: {e.Text}: {what}{where}");
            }
        }
        lines.AddRange(HandlerPlaces(prog, exec, m));
        foreach (var (w, r, t) in enc.Rf.Edges())
            if (!IsHandshake(exec.EventAt(r)) && m.EvalBool(t))
                lines.Add($"rf: {Name(exec.EventAt(r))} reads from {Name(exec.EventAt(w))}");
        foreach (var loc in prog.Locations.Where(l => !l.Hidden))
        {
            var writes = prog.Events.Where(e => e.Kind == EventKind.Write && Happened(e) && m.EvalValue(e.Address!) == loc.Address).ToList();
            if (writes.Count < 2) continue;
            var order = writes.OrderBy(w => writes.Count(o => o != w && enc.Co.Get(o.Id, w.Id) is { } c && m.EvalBool(c)));
            lines.Add($"co {loc.Name}: " + string.Join(" -> ", order.Select(w => $"{Show(m.EvalValue(w.Value!))} ({Name(w)})")));
        }
        lines.Add("final: " + string.Join(" ", prog.Locations.Where(l => !l.Hidden && exec.FinalValues.ContainsKey(l.Name)).Select(l => $"{l.Name}={Show(m.EvalValue(exec.FinalValues[l.Name]))}")));
        return new Witness(lines, WitnessGraph.ToDot(enc, m));
    }

    /// <summary>
    /// "membarrier at P0 line 3: P1's handler ran after line 4 (*y = 1), before line 4 (r0 = *x)". When the
    /// compiler reordered plain accesses around it, the events on each side are listed instead.
    /// </summary>
    private static IEnumerable<string> HandlerPlaces(LitmusProgram prog, ExecutionRelations exec, IModel m)
    {
        foreach (var call in prog.Membarriers.Where(c => m.EvalBool(c.Guard)))
        {
            var places = new List<string>();
            foreach (var h in call.Handlers)
            {
                var own = prog.ThreadEvents(h.Target).Where(e => e.Position >= 0 && m.EvalBool(e.Guard)).OrderBy(e => e.Position).ToList();
                var before = own.Where(e => m.EvalBool(exec.Before(call.Id, h.Target, e.Id))).ToList();
                var after = own.Except(before).ToList();
                string Where(Event e) => $"line {e.Span.Line} ({e.Text})";
                var isPrefix = before.All(b => after.All(a => b.Position < a.Position));
                places.Add((before.Count, after.Count, isPrefix) switch
                {
                    (0, 0, _) => $"P{h.Target}'s handler ran (P{h.Target} has no events)",
                    (0, _, _) => $"P{h.Target}'s handler ran before {Where(after[0])}",
                    (_, 0, _) => $"P{h.Target}'s handler ran after {Where(before[^1])}",
                    (_, _, true) => $"P{h.Target}'s handler ran after {Where(before[^1])}, before {Where(after[0])}",
                    _ => $"P{h.Target}'s handler ran after {string.Join(", ", before.Select(Where))} and before {string.Join(", ", after.Select(Where))} (the compiler reordered them)",
                });
            }
            foreach (var group in call.Handlers.GroupBy(h => h.Target))
                foreach (var other in prog.Membarriers.Where(o => o.Id > call.Id && m.EvalBool(o.Guard) && o.Handlers.Any(x => x.Target == group.Key)))
                    if (exec.HandlerFirst(call.Id, other.Id, group.Key) is { } first)
                        places.Add($"in P{group.Key} it ran {(m.EvalBool(first) ? "before" : "after")} the handler of the membarrier at P{other.Thread} line {other.Span.Line}");
            yield return $"membarrier at P{call.Thread} line {call.Span.Line} ({MembarrierCommands.Name(call.Command)}): " +
                         (places.Count == 0 ? "no thread to interrupt" : string.Join("; ", places));
        }
    }
}

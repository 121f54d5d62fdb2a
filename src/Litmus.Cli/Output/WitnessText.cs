using Litmus.Checking;
using Litmus.Events;

namespace Litmus.Cli.Output;

/// <summary>
/// A witness for people, as <c>--witness</c> prints it (and the JSON and JUnit reports carry it): each thread's
/// events with source lines, where each membarrier's handlers ran, rf, co and final values. The engine's
/// handshake events and locations are hidden; a handler shows as the place it ran.
/// </summary>
public static class WitnessText
{
    public static IReadOnlyList<string> Lines(Witness w)
    {
        var lines = new List<string>();
        bool IsHandshake(WitnessEvent e) => e.IsHandlerEvent || e.AtHiddenLocation;
        string Name(WitnessEvent e) => e.IsInit ? $"init {e.Text}" : $"P{e.Thread}:{e.Line} {e.Text}";

        for (var t = 0; t < w.ThreadCount; t++)
        {
            var happened = w.ThreadEvents(t).Where(e => !e.IsHandlerEvent).ToList();
            lines.Add($"P{t}:" + (happened.Count == 0 ? " (no events)" : ""));
            var shownCalls = new HashSet<int>();
            foreach (var e in happened)
            {
                if (IsHandshake(e) || e.MembarrierFence)
                {
                    // A membarrier call is one line, not its fences and handshake accesses.
                    if (shownCalls.Add(e.Line)) lines.Add($"  line {e.Line}: {e.Text}");
                    continue;
                }
                var what = e.Kind switch
                {
                    EventKind.Read => $"reads {e.Value}",
                    EventKind.Write => $"writes {e.Value}",
                    EventKind.Srcu => "grace period",
                    _ => "fence",
                };
                var where = e.Address is null ? "" : $" at {e.Address}";
                lines.Add($"  line {e.Line}: {e.Text}: {what}{where}");
            }
        }
        lines.AddRange(HandlerPlaces(w));
        foreach (var (write, read) in w.ReadsFrom)
            if (!IsHandshake(w.Event(read)))
                lines.Add($"rf: {Name(w.Event(read))} reads from {Name(w.Event(write))}");
        foreach (var co in w.Coherence.Where(c => c.Writes.Count >= 2))
            lines.Add($"co {co.Location}: " + string.Join(" -> ", co.Writes.Select(w.Event).Select(e => $"{e.Value} ({Name(e)})")));
        lines.Add("final: " + string.Join(" ", w.FinalValues.Select(f => $"{f.Location}={f.Value}")));
        return lines;
    }

    /// <summary>
    /// "membarrier at P0 line 3: P1's handler ran after line 4 (*y = 1), before line 4 (r0 = *x)". When the
    /// compiler reordered plain accesses around it, the events on each side are listed instead.
    /// </summary>
    private static IEnumerable<string> HandlerPlaces(Witness w)
    {
        foreach (var call in w.Membarriers)
        {
            var places = new List<string>();
            foreach (var h in call.Handlers)
            {
                var own = w.ThreadEvents(h.Target).Where(e => e.Position >= 0).OrderBy(e => e.Position).ToList();
                var before = own.Where(e => h.Before.Contains(e.Id)).ToList();
                var after = own.Except(before).ToList();
                string Where(WitnessEvent e) => $"line {e.Line} ({e.Text})";
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
                foreach (var other in w.Membarriers.Where(o => o.Call > call.Call && o.Handlers.Any(x => x.Target == group.Key)))
                    if (w.HandlerRanFirst(call.Call, other.Call, group.Key) is { } first)
                        places.Add($"in P{group.Key} it ran {(first ? "before" : "after")} the handler of the membarrier at P{other.Thread} line {other.Line}");
            yield return $"membarrier at P{call.Thread} line {call.Line} ({call.Command}): " +
                         (places.Count == 0 ? "no thread to interrupt" : string.Join("; ", places));
        }
    }
}

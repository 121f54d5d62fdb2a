using Litmus.Encoding;
using Litmus.Events;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>Describes an execution found by the solver: each thread's events with source lines, rf, co, final values.</summary>
public static class WitnessWriter
{
    public static Witness Describe(TestEncoding enc, IModel m)
    {
        var lines = new List<string>();
        var prog = enc.Program;
        var exec = enc.Execution;
        string Name(Event e) => e.IsInit ? $"init {e.Text}" : $"P{e.Thread}:{e.Span.Line} {e.Text}";
        string Show(long v) => ValueNames.Show(prog, v);

        for (var t = 0; t < prog.ThreadCount; t++)
        {
            var happened = prog.ThreadEvents(t).Where(e => m.EvalBool(e.Guard)).ToList();
            lines.Add($"P{t}:" + (happened.Count == 0 ? " (no events)" : ""));
            foreach (var e in happened)
            {
                var what = e.Kind switch
                {
                    EventKind.Read => $"reads {Show(m.EvalValue(e.Value!))}",
                    EventKind.Write => $"writes {Show(m.EvalValue(e.Value!))}",
                    _ => "fence",
                };
                var where = e.Address is null ? "" : $" at {Show(m.EvalValue(e.Address))}";
                lines.Add($"  line {e.Span.Line}: {e.Text}: {what}{where}");
            }
        }
        foreach (var (w, r, t) in exec.Rf.Edges())
            if (m.EvalBool(t)) lines.Add($"rf: {Name(exec.EventAt(r))} reads from {Name(exec.EventAt(w))}");
        foreach (var loc in prog.Locations)
        {
            var writes = prog.Events.Where(e => e.Kind == EventKind.Write && m.EvalBool(e.Guard)
                && m.EvalValue(e.Address!) == loc.Address).ToList();
            if (writes.Count < 2) continue;
            var order = writes.OrderBy(w => writes.Count(o => o != w && exec.Co.Get(o.Id, w.Id) is { } c && m.EvalBool(c)));
            lines.Add($"co {loc.Name}: " + string.Join(" -> ", order.Select(w => $"{Show(m.EvalValue(w.Value!))} ({Name(w)})")));
        }
        lines.Add("final: " + string.Join(" ", prog.Locations.Select(l => $"{l.Name}={Show(m.EvalValue(exec.FinalValues[l.Name]))}")));
        return new Witness(lines);
    }
}

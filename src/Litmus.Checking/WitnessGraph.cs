using System.Text;
using Litmus.Encoding;
using Litmus.Events;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>
/// A reaching execution as a Graphviz graph: one column per thread (events with their source line, in program
/// order), the initial writes that are read, rf edges in red, co in blue (each write to its co-successor),
/// and each membarrier handler drawn where it ran in its thread.
/// </summary>
public static class WitnessGraph
{
    public static string ToDot(TestEncoding enc, IModel m)
    {
        var prog = enc.Program;
        var exec = enc.Execution;
        var hidden = prog.Locations.Where(l => l.Hidden).Select(l => l.Address).ToHashSet();
        bool Happened(Event e) => m.EvalBool(e.Guard);
        bool Handshake(Event e) => e.Address is not null && e.IsMemory && hidden.Contains(m.EvalValue(e.Address));
        string Show(long v) => ValueNames.Show(prog, v);
        string Label(Event e) => e.Kind switch
        {
            EventKind.Read => $"{e.Text}\\nR {Show(m.EvalValue(e.Address!))} = {Show(m.EvalValue(e.Value!))}",
            EventKind.Write => $"{e.Text}\\nW {Show(m.EvalValue(e.Address!))} = {Show(m.EvalValue(e.Value!))}",
            _ => e.Text,
        };
        static string Q(string s) => "\"" + s.Replace("\"", "\\\"") + "\"";

        var dot = new StringBuilder();
        dot.AppendLine($"digraph {Q(prog.Test.Name)} {{");
        dot.AppendLine("  rankdir=TB; newrank=true; node [shape=box, fontname=\"monospace\", fontsize=10]; edge [fontsize=9];");
        dot.AppendLine($"  label={Q(prog.Test.Name + ": " + enc.Test.Condition.Quantifier.ToString().ToLowerInvariant() + " reached")}; labelloc=t;");
        var read = enc.Rf.Edges().Where(e => m.EvalBool(e.Condition)).ToList();
        var shown = new HashSet<int>();
        var inits = read.Select(e => exec.EventAt(e.From)).Where(w => w.IsInit && !Handshake(w)).Distinct().ToList();
        if (inits.Count > 0)
        {
            dot.AppendLine("  subgraph cluster_init { label=\"initial values\"; style=dashed;");
            foreach (var w in inits) { dot.AppendLine($"    e{w.Id} [label={Q(w.Text)}];"); shown.Add(w.Id); }
            dot.AppendLine("  }");
        }
        for (var t = 0; t < prog.ThreadCount; t++)
        {
            var own = prog.ThreadEvents(t).Where(e => e.Position >= 0 && Happened(e) && !Handshake(e) && !IsCallFence(prog, e)).ToList();
            var handlers = prog.Membarriers.Where(c => Happened(c.Handlers.Count > 0 ? exec.EventAt(c.Handlers[0].HandlerRead) : prog.Events[0]))
                .SelectMany(c => c.Handlers.Where(h => h.Target == t).Select(h => (Call: c, Before: own.Where(e => m.EvalBool(exec.Before(c.Id, t, e.Id))).ToHashSet())))
                .ToList();
            // Nested sets order the handlers; at one point, the order the execution chose does.
            handlers.Sort((a, b) => a.Before.Count != b.Before.Count ? a.Before.Count.CompareTo(b.Before.Count)
                : exec.HandlerFirst(a.Call.Id, b.Call.Id, t) is { } first ? (m.EvalBool(first) ? -1 : 1) : a.Call.Id.CompareTo(b.Call.Id));
            // The order the compiler emitted. Handlers' sets of earlier events are nested, so an event that comes
            // after j handlers comes after exactly the first j: sort by that, then by source order, and put each
            // handler before the first event that comes after it.
            int After(Event e) => handlers.Count(h => !h.Before.Contains(e));
            var column = new List<string>();
            var placed = 0;
            foreach (var e in own.OrderBy(After).ThenBy(e => e.Position))
            {
                for (; placed < After(e); placed++) column.Add(Handler(handlers[placed].Call, t));
                column.Add($"e{e.Id}");
                dot.AppendLine($"  e{e.Id} [label={Q($"P{t} line {e.Span.Line}: {Label(e)}")}, group=P{t}];");
                shown.Add(e.Id);
            }
            for (; placed < handlers.Count; placed++) column.Add(Handler(handlers[placed].Call, t));

            string Handler(MembarrierCall c, int thread)
            {
                var id = $"h{c.Id}_{thread}";
                dot.AppendLine($"  {id} [label={Q($"handler of sys_membarrier() at P{c.Thread} line {c.Span.Line}\n(full barrier)")}, style=filled, fillcolor=lightyellow, group=P{thread}];");
                return id;
            }
            if (column.Count > 1) dot.AppendLine($"  {string.Join(" -> ", column)} [label=po, weight=10];");
            dot.AppendLine($"  subgraph cluster_P{t} {{ label=\"P{t}\"; style=rounded; {string.Concat(column.Select(c => c + "; "))}}}");
        }
        foreach (var (w, r, _) in read)
            if (shown.Contains(w) && shown.Contains(r))
                dot.AppendLine($"  e{w} -> e{r} [label=rf, color=red, fontcolor=red, constraint=false];");
        foreach (var loc in prog.Locations.Where(l => !l.Hidden))
        {
            var writes = prog.Events.Where(e => e.Kind == EventKind.Write && Happened(e) && m.EvalValue(e.Address!) == loc.Address)
                .OrderBy(w => prog.Events.Count(o => o != w && enc.Co.Get(o.Id, w.Id) is { } c && m.EvalBool(c))).ToList();
            for (var i = 0; i + 1 < writes.Count; i++)
                if (shown.Contains(writes[i].Id) && shown.Contains(writes[i + 1].Id))
                    dot.AppendLine($"  e{writes[i].Id} -> e{writes[i + 1].Id} [label=co, color=blue, fontcolor=blue, constraint=false];");
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    /// <summary>A membarrier call is drawn once, as its first full barrier; its second one is hidden.</summary>
    private static bool IsCallFence(LitmusProgram prog, Event e) =>
        e.Kind == EventKind.Fence && prog.Membarriers.Any(c => c.Thread == e.Thread && c.Span == e.Span)
        && prog.Events.Any(o => o.Thread == e.Thread && o.Kind == EventKind.Fence && o.Span == e.Span && o.Position < e.Position);
}

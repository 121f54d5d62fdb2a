using System.Text;
using Litmus.Checking;
using Litmus.Events;

namespace Litmus.Cli.Output;

/// <summary>
/// A witness as a Graphviz graph (<c>--graph</c>): one column per thread (events with their source line, in
/// program order), the initial writes that are read, rf edges in red, co in blue (each write to its
/// co-successor), and each membarrier handler drawn where it ran in its thread.
/// </summary>
public static class WitnessDot
{
    /// <summary>
    /// The graph; <paramref name="title"/>, when given, replaces its "exists reached" title, in red (the
    /// barriers command says there what was weakened).
    /// </summary>
    public static string Render(Witness w, string? title = null)
    {
        // The engine's handshake accesses are not drawn; of a membarrier call's full barriers, only the first is.
        bool Drawn(WitnessEvent e) => e.Position >= 0 && !(e.IsMemory && e.AtHiddenLocation) && !e.RepeatsCallFence;
        static string Label(WitnessEvent e) => e.Kind switch
        {
            EventKind.Read => $"{e.Text}\\nR {e.Address} = {e.Value}",
            EventKind.Write => $"{e.Text}\\nW {e.Address} = {e.Value}",
            _ => e.Text,
        };
        static string Q(string s) => "\"" + s.Replace("\"", "\\\"") + "\"";

        var dot = new StringBuilder();
        dot.AppendLine($"digraph {Q(w.TestName)} {{");
        var label = w.TestName + ": " + w.Quantifier.ToString().ToLowerInvariant() + " reached";
        // A title that does not replace the default one (a quoted name) goes first, where a reader still sees it.
        var replacesLabel = title is not null && label.EndsWith("exists reached", StringComparison.Ordinal) && !label.Contains('"');
        if (title is not null && !replacesLabel) dot.AppendLine($"  label={Q(title)}; labelloc=t; fontcolor=red;");
        dot.AppendLine("  rankdir=TB; newrank=true; node [shape=box, fontname=\"monospace\", fontsize=10]; edge [fontsize=9];");
        dot.AppendLine(replacesLabel ? $"  label={Q(title!)}; labelloc=t; fontcolor=red;" : $"  label={Q(label)}; labelloc=t;");
        var shown = new HashSet<int>();
        var inits = w.ReadsFrom.Select(e => w.Event(e.Write)).Where(e => e.IsInit && !(e.IsMemory && e.AtHiddenLocation)).Distinct().ToList();
        if (inits.Count > 0)
        {
            dot.AppendLine("  subgraph cluster_init { label=\"initial values\"; style=dashed;");
            foreach (var e in inits) { dot.AppendLine($"    e{e.Id} [label={Q(e.Text)}];"); shown.Add(e.Id); }
            dot.AppendLine("  }");
        }
        for (var t = 0; t < w.ThreadCount; t++)
        {
            var own = w.ThreadEvents(t).Where(Drawn).ToList();
            var handlers = w.Membarriers.SelectMany(c => c.Handlers.Where(h => h.Target == t)
                    .Select(h => (Call: c, Before: own.Where(e => h.Before.Contains(e.Id)).ToHashSet())))
                .ToList();
            // Nested sets order the handlers; at one point, the order the execution chose does.
            handlers.Sort((a, b) => a.Before.Count != b.Before.Count ? a.Before.Count.CompareTo(b.Before.Count)
                : w.HandlerRanFirst(a.Call.Call, b.Call.Call, t) is { } first ? (first ? -1 : 1) : a.Call.Call.CompareTo(b.Call.Call));
            // The order the compiler emitted. Handlers' sets of earlier events are nested, so an event that comes
            // after j handlers comes after exactly the first j: sort by that, then by source order, and put each
            // handler before the first event that comes after it.
            int After(WitnessEvent e) => handlers.Count(h => !h.Before.Contains(e));
            var column = new List<string>();
            var placed = 0;
            foreach (var e in own.OrderBy(After).ThenBy(e => e.Position))
            {
                for (; placed < After(e); placed++) column.Add(Handler(handlers[placed].Call, t));
                column.Add($"e{e.Id}");
                dot.AppendLine($"  e{e.Id} [label={Q($"P{t} line {e.Line}: {Label(e)}")}, group=P{t}];");
                shown.Add(e.Id);
            }
            for (; placed < handlers.Count; placed++) column.Add(Handler(handlers[placed].Call, t));

            string Handler(MembarrierPlacement c, int thread)
            {
                var id = $"h{c.Call}_{thread}";
                dot.AppendLine($"  {id} [label={Q($"handler of sys_membarrier() at P{c.Thread} line {c.Line}\n(full barrier)")}, style=filled, fillcolor=lightyellow, group=P{thread}];");
                return id;
            }
            if (column.Count > 1) dot.AppendLine($"  {string.Join(" -> ", column)} [label=po, weight=10];");
            dot.AppendLine($"  subgraph cluster_P{t} {{ label=\"P{t}\"; style=rounded; {string.Concat(column.Select(c => c + "; "))}}}");
        }
        foreach (var (write, read) in w.ReadsFrom)
            if (shown.Contains(write) && shown.Contains(read))
                dot.AppendLine($"  e{write} -> e{read} [label=rf, color=red, fontcolor=red, constraint=false];");
        foreach (var co in w.Coherence)
            for (var i = 0; i + 1 < co.Writes.Count; i++)
                if (shown.Contains(co.Writes[i]) && shown.Contains(co.Writes[i + 1]))
                    dot.AppendLine($"  e{co.Writes[i]} -> e{co.Writes[i + 1]} [label=co, color=blue, fontcolor=blue, constraint=false];");
        dot.AppendLine("}");
        return dot.ToString();
    }
}

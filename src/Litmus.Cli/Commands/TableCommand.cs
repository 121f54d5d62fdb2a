using System.CommandLine;
using System.Text.Json;
using Litmus.Checking;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// <c>litmus table</c>: derives the pairing table of the compiler barrier, the full fence and the membarrier call
/// from the model, in the model's dialect (barrier()/smp_mb()/sys_membarrier() for the LKMM;
/// atomic_signal_fence/atomic_thread_fence(memory_order_seq_cst)/membarrier() for RC11), and compares it with the
/// documented one; exits 1 when a cell differs.
/// </summary>
public sealed class TableCommand
{
    private readonly CommonOptions _common = new();

    private readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output: text, markdown or json",
        DefaultValueFactory = _ => "text",
    };

    private TableCommand() => Format.AcceptOnlyFromAmong("text", "markdown", "json");

    private readonly Option<string?> Emit = new("--emit") { Description = "Also write the generated tests to this folder" };

    /// <summary>The command with options of its own: each command line gets new option objects, so in-process runs can go in parallel.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => new TableCommand().Build(stdout, stderr);

    private Command Build(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("table", "Derive the membarrier pairing table (compiler barrier, full fence, membarrier call) from the model, in its dialect, and compare it with the documented one")
        {
            _common.Model, _common.Bell, _common.Macros, Format, Emit, _common.Timeout,
        };
        cmd.SetAction(parse => Run(parse, stdout, stderr));
        return cmd;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        PairingTable.Table table;
        try
        {
            var model = ModelLoader.Load(parse.GetValue(_common.Model)!, parse.GetValue(_common.Bell), parse.GetValue(_common.Macros));
            var timeout = _common.TimeLimit(parse);
            using var checker = LitmusChecker.Create(model, new CheckOptions { Timeout = timeout });
            var dir = parse.GetValue(Emit);
            if (dir is not null) Directory.CreateDirectory(dir);
            table = PairingTable.Build(checker, dir is null ? null : (name, text) => File.WriteAllText(Path.Combine(dir, name + ".litmus"), text));
        }
        catch (LitmusInputException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            return ExitCodes.BadInput;
        }
        catch (SolverUnavailableException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }

        var errors = table.Cells.SelectMany(c => c.Errors).DistinctBy(d => d.Message).ToList();
        foreach (var d in errors) stderr.WriteLine(d);
        // The documented X cells are a promise only under the portable model (lkmm, rc11): a stronger model (TSO) may order them anyway.
        var portable = table.Portable;
        var mismatches = table.Broken.Concat(portable ? table.StrongerThanDocumented : []).ToList();

        switch (parse.GetValue(Format))
        {
            case "json": WriteJson(stdout, table, mismatches, portable); break;
            case "markdown": WriteMarkdown(stdout, table); break;
            default: WriteText(stdout, table); break;
        }
        if (parse.GetValue(Format) != "json")
        {
            foreach (var c in table.StrongerThanDocumented.Where(_ => !portable))
                stdout.WriteLine($"note: {c.Row} / {c.Column} is not promised, but {table.Model} orders it anyway on every shape");
            foreach (var c in mismatches)
                stdout.WriteLine($"differs: {c.Row} / {c.Column}: documented {(c.Documented ? "O" : "X")}, {table.Model} gives {(c.Ordered ? "O" : "X (" + string.Join(" ", c.Reachable) + ")")}");
            stdout.WriteLine($"matches the documented table: {(mismatches.Count == 0 ? "yes" : "no")}");
        }
        if (errors.Count > 0) return ExitCodes.BadInput;
        return mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    private static string CellText(PairingTable.Cell c) =>
        c.Ordered ? "O" : $"X ({string.Join(" ", c.Reachable)})";

    private static void WriteText(TextWriter o, PairingTable.Table t)
    {
        var shapes = string.Join(" ", PairingTable.Shapes.Select(s => s.Name));
        o.WriteLine($"Pairing table under {t.Model} (O ordered: Never on {shapes};");
        o.WriteLine("X not ordered: reachable on the shapes listed)");
        var headed = Math.Max(19, t.Primitives.Max(p => p.Length) + 2);
        var width = Math.Max(18, t.Cells.Select(CellText).Concat(t.Primitives).Max(s => s.Length) + 2);
        o.WriteLine(new string(' ', headed) + string.Concat(t.Primitives.Select(p => p.PadRight(width))).TrimEnd());
        foreach (var row in t.Primitives)
            o.WriteLine(row.PadRight(headed) + string.Concat(t.Primitives.Select(col => CellText(t[row, col]).PadRight(width))).TrimEnd());
    }

    private static void WriteMarkdown(TextWriter o, PairingTable.Table t)
    {
        o.WriteLine($"Pairing table under `{t.Model}` (rows: P0's primitive, columns: P1's; O: Never on every shape, X: reachable on the shapes listed)");
        o.WriteLine();
        o.WriteLine("| | " + string.Join(" | ", t.Primitives.Select(p => $"`{p}`")) + " |");
        o.WriteLine("|---|" + string.Concat(t.Primitives.Select(_ => "---|")));
        foreach (var row in t.Primitives)
            o.WriteLine($"| `{row}` | " + string.Join(" | ", t.Primitives.Select(col => CellText(t[row, col]))) + " |");
        o.WriteLine();
    }

    /// <summary>Written with <see cref="Utf8JsonWriter"/> rather than reflection, so the native (AOT) build needs no metadata.</summary>
    private static void WriteJson(TextWriter o, PairingTable.Table t, List<PairingTable.Cell> mismatches, bool portable)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", "litmus-pairing-table/1");
            w.WriteString("model", t.Model);
            w.WriteString("dialect", t.Dialect.Name);
            w.WriteStartArray("primitives");
            foreach (var p in t.Primitives) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteBoolean("matchesDocumented", mismatches.Count == 0);
            w.WriteStartArray("cells");
            foreach (var c in t.Cells)
            {
                w.WriteStartObject();
                w.WriteString("row", c.Row);
                w.WriteString("column", c.Column);
                w.WriteBoolean("ordered", c.Ordered);
                w.WriteBoolean("documentedOrdered", c.Documented);
                w.WriteBoolean("differs", mismatches.Contains(c));
                w.WriteStartArray("shapes");
                foreach (var r in c.Results)
                {
                    w.WriteStartObject();
                    w.WriteString("shape", r.Shape);
                    w.WriteString("verdict", r.Result.VerdictWord ?? "error");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        o.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Litmus.Checking;
using Litmus.Checking.Barriers;
using Litmus.Cli.Output;
using Litmus.Models;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Cli.Commands;

/// <summary>
/// <c>litmus barriers TEST...</c>: which ordering primitives each test needs, how weak each can be, and one
/// weakest assignment overall that keeps the verdict (the analysis is <see cref="BarrierAnalysis"/>).
/// </summary>
public sealed class BarriersCommand
{
    private readonly CommonOptions _common = new();

    private readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output: text or json",
        DefaultValueFactory = _ => "text",
    };

    private BarriersCommand() => Format.AcceptOnlyFromAmong("text", "json");

    private readonly Option<string?> Graph = new("--graph")
    {
        Description = "Write, for each necessary primitive, the execution its removal allows as DIR/TEST+without-P<n>-line<l>.dot",
    };

    private readonly Argument<string[]> Tests = new("tests") { Description = "Litmus test files", Arity = ArgumentArity.OneOrMore };

    /// <summary>The command with options of its own: each command line gets new option objects, so in-process runs can go in parallel.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => new BarriersCommand().Build(stdout, stderr);

    private Command Build(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("barriers", "Which barriers a test needs, and how weak each one can be while the verdict stays the same")
        {
            Tests, _common.Model, _common.Bell, _common.Macros, Format, Graph, _common.Timeout,
        };
        cmd.SetAction(parse => Run(parse, stdout, stderr));
        return cmd;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var reports = new List<BarrierReport>();
        var bad = 0;
        try
        {
            var model = ModelLoader.Load(parse.GetValue(_common.Model)!, parse.GetValue(_common.Bell), parse.GetValue(_common.Macros));
            var timeout = _common.TimeLimit(parse);
            var graph = parse.GetValue(Graph);
            if (graph is not null && Output.GraphSink.Prepare(graph) is { } problem)
            {
                stderr.WriteLine(problem);
                return ExitCodes.BadInput;
            }
            using var checker = LitmusChecker.Create(model, new CheckOptions { Timeout = timeout, Witness = graph is not null });
            var analysis = new BarrierAnalysis(checker);
            foreach (var path in parse.GetValue(Tests)!)
            {
                try
                {
                    var report = analysis.Analyse(path);
                    reports.Add(report);
                    if (graph is not null) WriteGraphs(graph, report);
                }
                catch (LitmusInputException e)
                {
                    foreach (var d in e.Diagnostics) stderr.WriteLine(d);
                    bad++;
                }
                catch (IOException e)
                {
                    stderr.WriteLine($"{path}:1:1: error: {e.Message}");
                    bad++;
                }
            }
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
        foreach (var d in reports.SelectMany(r => r.Errors)) stderr.WriteLine(d);
        if (parse.GetValue(Format) == "json") WriteJson(stdout, reports);
        else foreach (var r in reports) WriteText(stdout, r);
        return bad > 0 || reports.Any(r => r.Errors.Count > 0) ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>For each necessary primitive, the execution that appears without it (the removal's witness).</summary>
    private static void WriteGraphs(string dir, BarrierReport r)
    {
        foreach (var s in r.Sites.Where(s => s.Necessary))
            if (s.Alternatives.FirstOrDefault(a => a.Form.Rank == 0) is { Reaching: { } witness } without)
                File.WriteAllText(Path.Combine(dir, $"{r.Test}+without-P{s.Site.Thread}-line{s.Site.Span.Line}.dot"), WitnessDot.Render(witness, without.Title(s.Site)));
    }

    private static string Verdicts(SiteReport s) =>
        string.Join(", ", s.Alternatives.Select(a => $"{a.Form.Name}: {a.Verdict}"));

    private static void WriteText(TextWriter o, BarrierReport r)
    {
        o.WriteLine($"{r.Test}: {r.Verdict} under {r.Model}; {r.Sites.Count} ordering primitive(s), {r.Checks} checks");
        if (r.Sites.Count == 0) return;
        var width = Math.Max(12, r.Sites.Max(s => s.Site.Original.Length) + 2);
        foreach (var s in r.Sites)
        {
            var status = s.Necessary ? "necessary" : "redundant";
            var weakest = string.Join(" or ", s.Weakest.Select(f => f == s.Site.Form ? "itself" : f.Name));
            o.WriteLine($"  {s.Site.Where,-12} {s.Site.Original.PadRight(width)} {status,-9}  weakest: {weakest,-10}  ({Verdicts(s)})");
        }
        o.WriteLine($"  weakest overall that keeps {r.Verdict}:");
        foreach (var (site, form) in r.WeakestOverall)
            o.WriteLine($"    {site.Where,-12} {site.Original.PadRight(width)} {(form == site.Form ? "keep" : form == BarrierForm.Nothing ? "remove" : "-> " + form.Name)}");
    }

    /// <summary>Built as a JSON tree rather than by reflection over anonymous types, so the native (AOT) build needs no metadata.</summary>
    private static void WriteJson(TextWriter o, IReadOnlyList<BarrierReport> reports)
    {
        static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> item) => new([.. items.Select(item)]);
        var doc = new JsonObject
        {
            ["schema"] = "litmus-barriers/1",
            ["tests"] = Array(reports, r => new JsonObject
            {
                ["name"] = r.Test, ["path"] = r.Path, ["model"] = r.Model, ["verdict"] = r.Verdict, ["checks"] = r.Checks,
                ["sites"] = Array(r.Sites, s => new JsonObject
                {
                    ["thread"] = s.Site.Thread, ["line"] = s.Site.Span.Line, ["column"] = s.Site.Span.Column, ["primitive"] = s.Site.Original,
                    ["necessary"] = s.Necessary,
                    ["drawing"] = s.Necessary && s.Alternatives.Any(a => a.Form.Rank == 0 && a.Reaching is not null) ? $"{r.Test}+without-P{s.Site.Thread}-line{s.Site.Span.Line}.dot" : null,
                    ["weakest"] = Array(s.Weakest, f => f.Name),
                    ["alternatives"] = Array(s.Alternatives, a => new JsonObject { ["form"] = a.Form.Name, ["verdict"] = a.Verdict, ["keepsVerdict"] = a.Keeps }),
                }),
                ["weakestOverall"] = Array(r.WeakestOverall, w => new JsonObject
                {
                    ["thread"] = w.Site.Thread, ["line"] = w.Site.Span.Line, ["primitive"] = w.Site.Original,
                    ["form"] = w.Form == w.Site.Form ? w.Site.Original : w.Form.Name,
                }),
                ["errors"] = Array(r.Errors, e => e.ToString()),
            }),
        };
        o.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}

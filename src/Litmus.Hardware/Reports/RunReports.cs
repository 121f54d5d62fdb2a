using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Litmus.Hardware.Reports;

/// <summary>One test's result with the path the reports show (relative to the folder the run started in).</summary>
public sealed record ReportedRun(RunResult Result, string DisplayPath, string ClassName, bool Fails);

/// <summary>
/// <c>--junit</c> and <c>--json</c> of <c>litmus run</c>. JUnit: a failure for a violated model (or, with
/// <c>--expect</c>, an expected Never that was observed), a skip for a test without a faithful mapping, an error
/// for a test that could not be built or run. JSON: schema <c>litmus-run/1</c> (docs/hardware.md).
/// </summary>
public static class RunReports
{
    public static void WriteJUnit(string file, IReadOnlyList<ReportedRun> runs, string model)
    {
        var failures = runs.Count(r => r.Fails);
        var errors = runs.Count(r => r.Result.IsError);
        var skipped = runs.Count(r => r.Result.IsSkipped);
        var time = Seconds(runs.Sum(r => r.Result.Elapsed.TotalSeconds));
        var suite = new XElement("testsuite",
            new XAttribute("name", $"litmus run ({model})"), new XAttribute("tests", runs.Count),
            new XAttribute("failures", failures), new XAttribute("errors", errors), new XAttribute("skipped", skipped),
            new XAttribute("time", time), runs.Select(Case));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "litmus run"), new XAttribute("tests", runs.Count),
                new XAttribute("failures", failures), new XAttribute("errors", errors), new XAttribute("time", time), suite));
        using (var w = XmlWriter.Create(file, new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) }))
            doc.Save(w);
        File.AppendAllText(file, "\n");
    }

    private static XElement Case(ReportedRun run)
    {
        var r = run.Result;
        var c = new XElement("testcase", new XAttribute("classname", run.ClassName), new XAttribute("name", r.Name),
            new XAttribute("file", run.DisplayPath), new XAttribute("time", Seconds(r.Elapsed.TotalSeconds)));
        if (r.IsError)
            c.Add(new XElement("error", new XAttribute("type", "not run"), new XAttribute("message", Clean(string.Join("; ", r.Errors.Select(e => e.Message))))));
        else if (r.IsSkipped)
            c.Add(new XElement("skipped", new XAttribute("message", Clean(r.Skipped!))));
        else if (run.Fails)
        {
            var text = new StringWriter();
            RunTextReport.Write(text, r, run.DisplayPath, enforceExpectation: true);
            var message = r.ModelViolated ? $"model violated: {r.Model} forbids a state this machine produced" : "expected Never, but observed";
            c.Add(new XElement("failure", new XAttribute("type", r.ModelViolated ? "model-violated" : "expectation"),
                new XAttribute("message", message), Clean(text.ToString())));
        }
        return c;
    }

    /// <summary>Built as a JSON tree rather than by reflection over anonymous types, so the native (AOT) build needs no metadata.</summary>
    public static void WriteJson(string file, IReadOnlyList<ReportedRun> runs, string model)
    {
        var doc = new JsonObject
        {
            ["schema"] = "litmus-run/1",
            ["model"] = model,
            ["machine"] = new JsonObject
            {
                ["cpus"] = Environment.ProcessorCount, ["os"] = Environment.OSVersion.VersionString,
                ["arch"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString(),
            },
            ["tests"] = new JsonArray([.. runs.Select(Test)]),
        };
        File.WriteAllText(file, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode?)s)]);

    private static JsonObject Test(ReportedRun run)
    {
        var r = run.Result;
        var o = r.Output;
        var plain = new JsonObject();
        foreach (var p in r.PlainAccesses) plain[$"P{p.Key}"] = new JsonArray([.. p.Value.Select(line => (JsonNode?)line)]);
        return new JsonObject
        {
            ["path"] = run.DisplayPath,
            ["name"] = r.Name,
            ["status"] = r.Status,
            ["fails"] = run.Fails,
            ["skipped"] = r.Skipped,
            ["errors"] = Strings(r.Errors.Select(e => e.ToString())),
            ["expected"] = r.Expected?.Verdict,
            ["observation"] = r.Ran ? r.Observation : null,
            ["positive"] = r.Ran ? r.Positive : null,
            ["negative"] = r.Ran ? r.Negative : null,
            ["iterations"] = o?.Iterations,
            ["size"] = o?.Size,
            ["threads"] = o?.Threads,
            ["nanosecondsPerIteration"] = o is { Iterations: > 0 } ? o.Elapsed.TotalNanoseconds / o.Iterations : null,
            ["membarrierCalls"] = o?.MembarrierCalls,
            ["membarrierFailures"] = o?.MembarrierFailures,
            ["states"] = new JsonArray([.. r.Seen.Select(s => (JsonNode?)new JsonObject
            {
                ["state"] = s.Text.TrimEnd(), ["count"] = s.Count, ["satisfies"] = s.Satisfies, ["allowed"] = s.Allowed,
            })]),
            ["notSeen"] = Strings(r.NotSeen.Select(t => t.TrimEnd())),
            ["filtered"] = r.Filtered,
            ["stuck"] = o?.Stuck,
            ["plainAccessLines"] = plain,
        };
    }

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Clean(string s) =>
        string.Concat(s.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && XmlConvert.IsXmlChar(c)) || char.IsSurrogate(c)));
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Litmus.Cli.Batch;

namespace Litmus.Cli.Output;

/// <summary>
/// <c>--json FILE</c>: the run as one JSON document, schema <c>litmus-results/1</c>, described field by field in
/// docs/json-schema.md. Fields are always present and always in the same order (null when they do not apply), so
/// that a consumer never has to guess.
/// </summary>
public sealed class JsonSink(string file, string currentDirectory) : IResultSink
{
    public const string Schema = "litmus-results/1";
    private static readonly string[] Statuses = ["ok", "mismatch", "changed", "unchecked", "undecided", "error"];

    private readonly List<TestOutcome> _outcomes = [];

    public void Add(TestOutcome outcome) => _outcomes.Add(outcome);

    public void Finish(RunEnd end)
    {
        using var stream = File.Create(file);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("model", end.Model);
        w.WriteNumber("exitCode", end.ExitCode);
        w.WriteStartObject("summary");
        w.WriteNumber("tests", _outcomes.Count);
        foreach (var s in Statuses) w.WriteNumber(s, _outcomes.Count(o => o.Status == s));
        w.WriteEndObject();
        w.WriteStartArray("tests");
        foreach (var o in _outcomes) Test(w, o);
        w.WriteEndArray();
        w.WriteStartArray("removed");
        foreach (var e in end.Removed) Entry(w, e);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.Write("\n"u8);
    }

    private void Test(Utf8JsonWriter w, TestOutcome o)
    {
        var r = o.Result;
        w.WriteStartObject();
        w.WriteString("path", o.DisplayPath);
        w.WriteString("name", r.Name);
        w.WriteString("status", o.Status);
        w.WriteBoolean("fails", o.Fails);
        w.WriteString("problem", o.Problem);
        w.WriteString("verdict", r.IsError || r.Unknown is not null ? null : r.Verdict?.ToString());
        w.WriteBoolean("noExecutions", r.NoExecutions);
        Strings(w, "flags", r.Flags);
        w.WriteString("condition", r.IsError ? null : r.ConditionText);
        if (r.IsError || r.Unknown is not null) w.WriteNull("validated"); else w.WriteBoolean("validated", r.Ok);
        w.WritePropertyName("expected");
        if (r.Expected is { } e)
        {
            w.WriteStartObject();
            w.WriteString("verdict", e.Verdict);
            w.WriteBoolean("dataRace", e.DataRace);
            w.WriteString("source", $"{DisplayPath.OfSource(e.Span.File, currentDirectory)}:{e.Span.Line}");
            w.WriteEndObject();
        }
        else w.WriteNullValue();
        w.WritePropertyName("baseline");
        if (o.Baseline is { } change)
        {
            w.WriteStartObject();
            w.WriteString("change", change switch { BaselineChange.Same => "same", BaselineChange.Changed => "changed", _ => "new" });
            w.WriteString("verdict", o.Was?.Verdict);
            if (o.Was is { } was) Strings(w, "flags", was.Flags); else w.WriteNull("flags");
            w.WriteEndObject();
        }
        else w.WriteNullValue();
        w.WriteNumber("timeMs", Math.Round(r.Elapsed.TotalMilliseconds, 1));
        w.WritePropertyName("states");
        if (r.States is { } states)
        {
            w.WriteStartArray();
            foreach (var s in states)
            {
                w.WriteStartObject();
                w.WriteStartObject("values");
                foreach (var (name, value) in s.Values) w.WriteString(name, value);
                w.WriteEndObject();
                w.WriteBoolean("satisfies", s.Satisfies);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else w.WriteNullValue();
        if (r.Witness is { } witness) Strings(w, "witness", WitnessText.Lines(witness)); else w.WriteNull("witness");
        w.WriteString("unknown", r.IsError ? null : r.Unknown);
        w.WriteStartArray("errors");
        foreach (var d in r.Errors)
        {
            w.WriteStartObject();
            w.WriteString("file", DisplayPath.OfSource(d.Span.File, currentDirectory));
            w.WriteNumber("line", d.Span.Line);
            w.WriteNumber("column", d.Span.Column);
            w.WriteNumber("endLine", d.Span.EndLine);
            w.WriteNumber("endColumn", d.Span.EndColumn);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Entry(Utf8JsonWriter w, BaselineEntry e)
    {
        w.WriteStartObject();
        w.WriteString("path", e.Path);
        w.WriteString("verdict", e.Verdict);
        Strings(w, "flags", e.Flags);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}

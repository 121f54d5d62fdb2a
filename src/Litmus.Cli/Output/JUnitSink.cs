using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Litmus.Cli.Batch;

namespace Litmus.Cli.Output;

/// <summary>
/// <c>--junit FILE</c>: one testcase per litmus test, its classname the test's folder. A test that makes the run
/// exit 1 gets a failure (the verdict change, and the witness when there is one); bad input and an undecided test
/// get an error with the reason. Nothing is "skipped": an undecided test is a problem to look at.
/// </summary>
public sealed class JUnitSink(string file) : IResultSink
{
    private readonly List<TestOutcome> _outcomes = [];

    public void Add(TestOutcome outcome) => _outcomes.Add(outcome);

    public void Finish(RunEnd end)
    {
        var failures = _outcomes.Count(o => o.Fails);
        var errors = _outcomes.Count(o => o.IsError || o.IsUndecided);
        var time = Seconds(_outcomes.Sum(o => o.Result.Elapsed.TotalSeconds));
        var suite = new XElement("testsuite",
            new XAttribute("name", $"litmus check ({end.Model})"),
            new XAttribute("tests", _outcomes.Count), new XAttribute("failures", failures),
            new XAttribute("errors", errors), new XAttribute("skipped", 0), new XAttribute("time", time),
            _outcomes.Select(Case));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "litmus"),
                new XAttribute("tests", _outcomes.Count), new XAttribute("failures", failures),
                new XAttribute("errors", errors), new XAttribute("time", time), suite));
        using (var w = XmlWriter.Create(file, new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) }))
            doc.Save(w);
        File.AppendAllText(file, "\n");
    }

    private static XElement Case(TestOutcome o)
    {
        var r = o.Result;
        var testcase = new XElement("testcase",
            new XAttribute("classname", DisplayPath.ClassName(o.DisplayPath)),
            new XAttribute("name", r.Name),
            new XAttribute("file", o.DisplayPath),
            new XAttribute("time", Seconds(r.Elapsed.TotalSeconds)));
        if (o.IsError)
            testcase.Add(new XElement("error", new XAttribute("type", "bad input"), new XAttribute("message", Clean(o.Problem!)),
                Clean(string.Join("\n", r.Errors))));
        else if (o.IsUndecided)
            testcase.Add(new XElement("error", new XAttribute("type", "undecided"), new XAttribute("message", Clean(o.Problem!))));
        else if (o.Fails)
            testcase.Add(new XElement("failure", new XAttribute("type", o.IsMismatch ? "mismatch" : "changed"),
                new XAttribute("message", Clean(o.Problem!)), Clean(Details(o))));
        return testcase;
    }

    /// <summary>The condition, then the execution that reaches it, as <c>--witness</c> prints it.</summary>
    private static string Details(TestOutcome o)
    {
        var lines = new List<string> { $"{o.DisplayPath}: {o.Problem}", $"condition: {o.Result.ConditionText}" };
        if (o.Result.Witness is { } w) lines.AddRange(["witness:", .. WitnessText.Lines(w).Select(l => "  " + l)]);
        return string.Join("\n", lines);
    }

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold most control characters; a stray one in a test must not break the report.</summary>
    private static string Clean(string s) =>
        string.Concat(s.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && XmlConvert.IsXmlChar(c)) || char.IsSurrogate(c)));
}

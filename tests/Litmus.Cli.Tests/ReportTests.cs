using System.Text.Json;
using System.Xml.Linq;

namespace Litmus.Cli.Tests;

/// <summary>Reports for machines: JUnit XML, JSON, GitHub annotations; and exit code 3 for undecided tests.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly CliRunner _cli = new();
    public void Dispose() => _cli.Dispose();

    /// <summary>One test of each kind: as expected, broken (fails --expect), unreadable.</summary>
    private string[] Suite()
    {
        _cli.Write("suite/mp/good.litmus", Samples.MpExpecting("Never"));
        _cli.Write("suite/mp/broken.litmus", Samples.BrokenMp("Never").Replace("MP+test", "MP+broken"));
        _cli.Write("suite/bad/truncated.litmus", Samples.Truncated);
        return [Path.Combine(_cli.Dir, "suite")];
    }

    [Fact]
    public void JUnit_has_a_testcase_per_test_with_failures_and_errors()
    {
        var (exit, _, _) = _cli.Run(["check", "--expect", "--junit", "results.xml", .. Suite()]);
        Assert.Equal(2, exit); // bad input outranks the failed expectation

        var suite = XDocument.Load(Path.Combine(_cli.Dir, "results.xml")).Root!.Element("testsuite")!;
        Assert.Equal(["3", "1", "1"], new[] { "tests", "failures", "errors" }.Select(a => suite.Attribute(a)!.Value));
        var cases = suite.Elements("testcase").ToDictionary(c => c.Attribute("name")!.Value);

        Assert.Equal("suite.mp", cases["MP+test"].Attribute("classname")!.Value);
        Assert.Empty(cases["MP+test"].Elements());

        var failure = cases["MP+broken"].Element("failure")!;
        Assert.Equal("verdict Sometimes, expected Never", failure.Attribute("message")!.Value);
        Assert.Contains("witness:", failure.Value); // the execution that breaks it
        Assert.Contains("reads 0 at x", failure.Value);

        var error = cases["truncated"].Element("error")!;
        Assert.Equal("bad input", error.Attribute("type")!.Value);
        Assert.Matches(@"truncated\.litmus:\d+:\d+: error: ", error.Value);
    }

    [Fact]
    public void Json_follows_the_documented_schema()
    {
        _cli.Run(["check", "--expect", "--json", "results.json", .. Suite()]);
        using var doc = JsonDocument.Parse(_cli.Read("results.json"));
        var root = doc.RootElement;
        Assert.Equal("litmus-results/1", root.GetProperty("schema").GetString());
        Assert.Equal(2, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("tests").GetInt32());
        var tests = root.GetProperty("tests").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        var broken = tests["MP+broken"];
        Assert.Equal("suite/mp/broken.litmus", broken.GetProperty("path").GetString());
        Assert.Equal("mismatch", broken.GetProperty("status").GetString());
        Assert.True(broken.GetProperty("fails").GetBoolean());
        Assert.Equal("Sometimes", broken.GetProperty("verdict").GetString());
        Assert.Equal("Never", broken.GetProperty("expected").GetProperty("verdict").GetString());
        Assert.Equal("suite/mp/broken.litmus:3", broken.GetProperty("expected").GetProperty("source").GetString());
        Assert.NotEmpty(broken.GetProperty("witness").EnumerateArray());

        var bad = tests["truncated"];
        Assert.Equal("error", bad.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("verdict").ValueKind);
        var e = bad.GetProperty("errors")[0];
        Assert.Equal("suite/bad/truncated.litmus", e.GetProperty("file").GetString());
        Assert.True(e.GetProperty("line").GetInt32() > 0);
        Assert.Equal("ok", tests["MP+test"].GetProperty("status").GetString());
    }

    [Fact]
    public void Annotations_point_at_the_diagnostic_and_at_the_result_line()
    {
        var (_, output, _) = _cli.Run(["check", "--expect", "--annotations", .. Suite()]);
        var annotations = output.Split('\n').Where(l => l.StartsWith("::")).ToList();
        Assert.Equal(2, annotations.Count);
        Assert.Contains("::error file=suite/mp/broken.litmus,line=3::verdict Sometimes, expected Never", annotations);
        Assert.Single(annotations, a => a.StartsWith("::error file=suite/bad/truncated.litmus,line=4,col="));
    }

    [Fact]
    public void A_mismatch_that_is_not_enforced_is_only_a_warning()
    {
        var test = _cli.Write("broken.litmus", Samples.BrokenMp("Never"));
        var (exit, output, _) = _cli.Run("check", "--annotations", test);
        Assert.Equal(0, exit);
        Assert.Contains("::warning file=broken.litmus,line=3::verdict Sometimes, expected Never", output);
    }

    [Fact]
    public void An_undecided_test_exits_3_and_is_reported_per_test()
    {
        _cli.Context = UndecidedSolver.In(_cli.Context);
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var (exit, output, _) = _cli.Run("check", "--expect", "--junit", "r.xml", "--annotations", test);
        Assert.Equal(3, exit);
        Assert.Matches(@"MP\+test\s+Unknown\s+\(expected Never\)\s+undecided", output);
        Assert.Contains("    undecided: timeout", output);
        Assert.Contains("1 undecided", output);
        Assert.Contains("::error file=mp.litmus,line=3::undecided: timeout", output);
        var error = XDocument.Parse(_cli.Read("r.xml")).Descendants("error").Single();
        Assert.Equal("undecided", error.Attribute("type")!.Value);
        Assert.Equal("undecided: timeout", error.Attribute("message")!.Value);
    }

    [Fact]
    public void A_report_in_a_folder_that_does_not_exist_is_a_usage_error()
    {
        var test = _cli.Write("mp.litmus", Samples.MpExpecting("Never"));
        var (exit, output, errors) = _cli.Run("check", "--junit", "no/such/folder/r.xml", test);
        Assert.Equal(2, exit);
        Assert.Contains("cannot write 'no/such/folder/r.xml'", errors);
        Assert.Empty(output);
    }
}

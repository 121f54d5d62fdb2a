using Litmus.Checking;

namespace Litmus.Hardware.Tests;

/// <summary>Observed states against the model's: no hardware here, the harness's output is written by hand.</summary>
public class JudgementTests
{
    private static RunResult Judge(string output, params string[] allowed)
    {
        var test = TestText.Parse("r0 = READ_ONCE(*x); r1 = READ_ONCE(*y);", condition: "exists (0:r0=0 /\\ 0:r1=1)");
        var layout = TestLayout.Of(test);
        var states = allowed.Select(a => new FinalState(
            a.Split(' ').Select((v, k) => (layout.Observed[k].Name, v)).ToList(), false)).ToList();
        var run = HarnessRun.Parse(output, 0);
        return HardwareRunner.Judge(new RunResult { Path = "T.litmus", Name = "T", Model = "m" }, test, layout, run, states);
    }

    private const string Header = "run 100 10 10 2 2 1\ntime_ns 5000\nmembarrier 7 1\n";

    [Fact]
    public void A_state_the_model_allows_is_fine_and_the_rest_are_not_seen()
    {
        var r = Judge(Header + "state 60 0 0\nstate 40 0 1\nend\n", "0 0", "0 1", "1 1");
        Assert.False(r.ModelViolated);
        Assert.Equal(40, r.Positive);
        Assert.Equal(60, r.Negative);
        Assert.Equal("Sometimes", r.Observation);
        Assert.Equal(["0:r0=1; 0:r1=1;"], r.NotSeen);
        Assert.Equal(7, r.Output!.MembarrierCalls);
        Assert.Equal(1, r.Output.MembarrierFailures);
    }

    [Fact]
    public void A_state_the_model_forbids_violates_it()
    {
        var r = Judge(Header + "state 99 0 0\nstate 1 0 1\nend\n", "0 0");
        Assert.True(r.ModelViolated);
        Assert.Equal("model-violated", r.Status);
        Assert.False(r.Seen.Single(s => s.Text == "0:r0=0; 0:r1=1;").Allowed);
    }

    [Fact]
    public void Addresses_are_shown_by_the_locations_name()
    {
        var r = Judge(Header + "state 100 &x 1\nend\n", "x 1");
        Assert.False(r.ModelViolated);
        Assert.Equal("0:r0=x; 0:r1=1;", r.Seen.Single().Text);
    }

    [Fact]
    public void Never_seen_conditions_are_Never_and_always_seen_Always()
    {
        Assert.Equal("Never", Judge(Header + "state 100 1 1\nend\n", "1 1").Observation);
        Assert.Equal("Always", Judge(Header + "state 100 0 1\nend\n", "0 1").Observation);
    }

    [Fact]
    public void A_harness_that_stops_early_or_reports_an_error_is_an_error()
    {
        Assert.Throws<HarnessException>(() => HarnessRun.Parse(Header + "state 1 0 0\n", 139));
        var e = Assert.Throws<HarnessException>(() => HarnessRun.Parse("error membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) failed: Invalid argument\n", 3));
        Assert.Contains("REGISTER_PRIVATE_EXPEDITED", e.Message);
    }
}

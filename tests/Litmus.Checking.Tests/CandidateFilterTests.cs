using Litmus.Encoding;
using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// <see cref="ConcreteExecutions.All"/> with the test's filter applied before coherence orders are built: the
/// candidates it skips are exactly those the filter rejects (the first candidate apart, which is always met), and a
/// filter that speaks of final values (which the coherence order sets) is not applied early at all.
/// </summary>
public class CandidateFilterTests
{
    private const string Counters = """
        C counters
        {}
        P0(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); r1 = READ_ONCE(*y); }
        P1(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); WRITE_ONCE(*y, 1); }
        P2(int *x) { int r0; r0 = READ_ONCE(*x); }
        """;

    private static (TestEncoding, ConcreteExecutions) Candidates(string condition)
    {
        var test = LitmusParser.Parse(Counters + "\n" + condition + "\n", "counters.litmus");
        var enc = TestEncoding.Prepare(test, ModelLoader.Load(ModelLoader.DefaultModel));
        var executions = new ConcreteExecutions(enc);
        Assert.True(executions.CandidatesEnumerable);
        return (enc, executions);
    }

    [Fact]
    public void Candidates_a_filter_on_read_values_rejects_are_skipped_and_no_others()
    {
        var (enc, executions) = Candidates("filter (2:r0=2 /\\ ~0:r1=0)\nexists (0:r0=0)");
        var all = executions.All().ToList();
        var kept = all.Where(x => x.Evaluator().Bool(enc.Filter)).ToList();
        var skipping = executions.All(skipFiltered: true).ToList();

        Assert.True(kept.Count > 0 && kept.Count < all.Count - 1, $"{kept.Count} of {all.Count} kept: the filter must choose");
        // The first candidate is met whatever the filter says; after it, exactly the kept ones, in the same order.
        Assert.Equal(Keys([all[0], .. kept.Where(x => !ReferenceEquals(x, all[0]))], enc), Keys(skipping, enc));
    }

    [Fact]
    public void A_filter_on_final_values_is_not_applied_before_coherence()
    {
        var (enc, executions) = Candidates("filter (x=2)\nexists (0:r0=0)");
        var all = executions.All().ToList();
        Assert.Contains(all, x => !x.Evaluator().Bool(enc.Filter));
        Assert.Equal(Keys(all, enc), Keys(executions.All(skipFiltered: true).ToList(), enc));
    }

    /// <summary>A candidate by what the filter, the condition and every register and location read in it.</summary>
    private static List<string> Keys(List<ConcreteExecution> executions, TestEncoding enc) =>
        executions.Select(x =>
        {
            var eval = x.Evaluator();
            return string.Join(" ", enc.Observed.Select(o => $"{o.Name}={eval.Value(o.Value)}"))
                + $" filter={eval.Bool(enc.Filter)} condition={eval.Bool(enc.Condition)}";
        }).ToList();
}

using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// <see cref="CheckOptions.Timeout"/> bounds a whole test. A limit far shorter than any test (one tick, 100 ns) is
/// spent before the first solver question whatever the machine's speed, so the answer does not depend on timing.
/// </summary>
public class TimeLimitTests
{
    private const string Mp = """
        C MP
        {}
        P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_store_release(y, 1); }
        P1(int *x, int *y) { int r0 = smp_load_acquire(y); int r1 = READ_ONCE(*x); }
        exists (1:r0=1 /\ 1:r1=0)
        """;

    [Fact]
    public void A_spent_limit_leaves_the_test_undecided_and_says_so()
    {
        using var checker = LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel),
            new CheckOptions { Timeout = TimeSpan.FromTicks(1), States = true });
        var r = checker.Check(LitmusParser.Parse(Mp, "mp.litmus"));
        Assert.Null(r.Verdict);
        Assert.Null(r.States);
        Assert.Empty(r.Flags);
        Assert.StartsWith(LitmusChecker.TimeLimitReached, r.Unknown);
    }

    [Fact]
    public void The_next_test_gets_a_limit_of_its_own()
    {
        using var checker = LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel), new CheckOptions { Timeout = TimeSpan.FromMinutes(10) });
        var first = checker.Check(LitmusParser.Parse(Mp, "mp.litmus"));
        var second = checker.Check(LitmusParser.Parse(Mp, "mp.litmus"));
        Assert.Equal(Verdict.Never, first.Verdict);
        Assert.Equal(Verdict.Never, second.Verdict);
    }
}

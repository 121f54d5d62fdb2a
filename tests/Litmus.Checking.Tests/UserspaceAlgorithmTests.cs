using Litmus.Encoding;

namespace Litmus.Checking.Tests;

/// <summary>
/// The C11 algorithms of litmus/c11/algorithms get their verdicts from the golden theory (their .expect files);
/// an .expect line cannot state RC11's *undef* flag (undefined behaviour: a data race), so it is stated here.
/// Under RC11 a race is what some barriers are needed for: without the second membarrier() of synchronize_rcu()
/// the use-after-free stays Never (RC11 forbids the sb | rf cycle it needs) but the free races with the read.
/// </summary>
public class UserspaceAlgorithmTests
{
    private static string Test(string name) => Path.Combine(RepoPaths.C11, "algorithms", name + ".litmus");

    [Theory]
    [InlineData("URCU-memb", false)]
    [InlineData("URCU-memb+reader-store", false)]
    [InlineData("URCU-memb+no-signalfences", false)]
    [InlineData("URCU-memb+no-membarrier1", true)]
    [InlineData("URCU-memb+no-membarrier2", true)]
    [InlineData("URCU-memb+threadfences", true)]
    [InlineData("URCU-memb+consume", true)]
    [InlineData("BiasedLock+rseq", false)]
    [InlineData("BiasedLock+dekker", false)]
    [InlineData("BiasedLock+dekker+plain", true)]
    public void Races_are_flagged_exactly_where_expected(string name, bool racy)
    {
        var result = GoldenVerdictTests.Check("rc11+membarrier", Test(name));
        Assert.Empty(result.Errors);
        Assert.Equal(racy, result.Flags.Contains(SymbolicAlgebra.UndefinedFlag));
    }
}

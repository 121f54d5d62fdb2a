using System.Diagnostics;
using Litmus.Logic;

namespace Litmus.Smt.Tests;

public sealed class TimeoutTests : SolverTestBase
{
    /// <summary>n+1 pigeons in n holes: unsatisfiable, and exponential for resolution-based solvers.</summary>
    private Term Pigeonhole(int holes)
    {
        Term In(int pigeon, int hole) => F.BoolVar($"pigeon{pigeon}_hole{hole}");
        var clauses = new List<Term>();
        for (var p = 0; p <= holes; p++)
            clauses.Add(F.Or(Enumerable.Range(0, holes).Select(h => In(p, h))));
        for (var h = 0; h < holes; h++)
            for (var p = 0; p <= holes; p++)
                for (var q = p + 1; q <= holes; q++)
                    clauses.Add(F.Not(F.And(In(p, h), In(q, h))));
        return F.And(clauses);
    }

    [Fact]
    public void Check_that_runs_out_of_time_is_unknown_with_a_reason()
    {
        Solver.Timeout = TimeSpan.FromMilliseconds(1);
        Solver.Assert(Pigeonhole(12));
        var clock = Stopwatch.StartNew();
        var answer = Solver.Check();
        clock.Stop();

        // A very fast machine could still refute it in time; it can never be satisfiable.
        Assert.NotEqual(SolveResult.Sat, answer);
        if (answer == SolveResult.Unknown)
        {
            Assert.False(string.IsNullOrWhiteSpace(Solver.ReasonUnknown));
            Assert.Throws<InvalidOperationException>(() => Solver.Model);
        }
        // Without the timeout this check takes minutes; a generous bound keeps a loaded machine from failing it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Timeout_survives_reset_and_can_be_lifted()
    {
        Solver.Timeout = TimeSpan.FromMilliseconds(1);
        Solver.Reset();
        Solver.Assert(Pigeonhole(12));
        Assert.NotEqual(SolveResult.Sat, Solver.Check());
        Assert.Equal(TimeSpan.FromMilliseconds(1), Solver.Timeout);

        Solver.Timeout = null;
        Assert.Null(Solver.Timeout);
        Solver.Reset();
        Solver.Assert(Pigeonhole(3));
        Assert.Equal(SolveResult.Unsat, Solver.Check());
        Assert.Null(Solver.ReasonUnknown);
    }

    [Fact]
    public void Reason_is_null_unless_the_last_check_was_unknown()
    {
        Assert.Null(Solver.ReasonUnknown);
        Solver.Assert(F.BoolVar("p"));
        Assert.Equal(SolveResult.Sat, Solver.Check());
        Assert.Null(Solver.ReasonUnknown);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Non_positive_timeout_is_rejected(int ms) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Solver.Timeout = TimeSpan.FromMilliseconds(ms));
}

using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// Execution counts (herd's Positive/Negative) where states and executions part and where they do not: the counts
/// are herd7 7.58's for each test (kernel model). The states and counts must come out the same whether the count
/// is proved by the static argument (OneExecutionPerState) or by the solver.
/// </summary>
public class ExecutionCountTests
{
    private static readonly LitmusChecker Lkmm =
        LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel), new CheckOptions { States = true, CountExecutions = true });

    private static (int States, long? Positive, long? Negative) Count(string text)
    {
        var test = LitmusParser.Parse(text, "t.litmus");
        TestResult r;
        lock (Lkmm) r = Lkmm.Check(test);
        Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors));
        return (r.States!.Count, r.Executions?.Positive, r.Executions?.Negative);
    }

    [Theory]
    // Every read observed, distinct values: one execution per state.
    [InlineData("P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }\nP1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); r1 = READ_ONCE(*x); }\nexists (1:r0=1 /\\ 1:r1=0)", 4, 1, 3)]
    // Two writes to x in one thread, x and the read observed.
    [InlineData("P0(int *x) { WRITE_ONCE(*x, 1); WRITE_ONCE(*x, 2); }\nP1(int *x) { int r0; r0 = READ_ONCE(*x); }\nexists (1:r0=1 /\\ x=2)", 3, 1, 2)]
    // r0 is not observed and may read 0 or 1: two executions in the one state.
    [InlineData("P0(int *x) { WRITE_ONCE(*x, 1); }\nP1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*x); r1 = READ_ONCE(*y); }\nexists (1:r1=0)", 1, 2, 0)]
    // Three writes to x: six coherence orders, three final values.
    [InlineData("P0(int *x) { WRITE_ONCE(*x, 1); }\nP1(int *x) { WRITE_ONCE(*x, 2); }\nP2(int *x) { WRITE_ONCE(*x, 3); }\nexists (x=3)", 3, 2, 4)]
    // Two writes of the same value: the final value does not tell their order.
    [InlineData("P0(int *x) { WRITE_ONCE(*x, 1); }\nP1(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)", 1, 2, 0)]
    public void Counts_are_herds(string threads, int states, long positive, long negative)
    {
        var (s, p, n) = Count("C T\n{}\n" + threads + "\n");
        Assert.Equal((states, positive, negative), (s, p, n));
    }
}

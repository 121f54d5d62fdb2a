using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// Values that justify themselves (a read whose value flows back to it through rf and the program's data flow),
/// under a model with no axioms, so that every candidate counts: herd7 7.58 keeps a cycle that only copies its value
/// (printed symbolically) and drops one on whose value the path computes anything (a branch condition, arithmetic
/// even into a dead register, a failed cmpxchg's test), unless something solves the value (a constant on the path,
/// a successful cmpxchg's expected value, forwards or backwards along copies). Each expectation is herd7's verdict,
/// Positive, Negative and States on the same test and model (docs/conformance.md, "Values that justify themselves").
/// </summary>
public class SelfJustifyingValueTests
{
    /// <summary>P1 of every probe but the last: copies y to x, closing the cycle.</summary>
    /// <summary>P0 of the folding probes: copies x to y, then computes r3 from r1 (the rest of the line).</summary>
    private const string CopiesThen = "P0(int *x, int *y) { int r1; int r3; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); ";

    private const string CopyBack = "P1(int *x, int *y) { int r2; r2 = READ_ONCE(*y); WRITE_ONCE(*x, r2); }\n";

    [Theory]
    // A pure copy cycle: kept, the value unsolved (no constant equals it).
    [InlineData("P0(int *x, int *y) { int r1; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 4, 2)]
    // A branch on the unsolved value: the cycle is dropped, whichever way the branch goes.
    [InlineData("P0(int *x, int *y, int *z) { int r1; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); if (r1 == 1) WRITE_ONCE(*z, 1); }\n" + CopyBack + "exists (z=1)", "Never", 0, 3, 1)]
    [InlineData("P0(int *x, int *y) { int r1; int r3; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); if (r1 != 0) r3 = 5; }\n" + CopyBack + "locations [0:r3]\nexists (0:r1=1)", "Never", 0, 3, 1)]
    [InlineData("P0(int *x, int *y, int *z) { int r1; int r3; int r4; r1 = READ_ONCE(*x); r4 = READ_ONCE(*z); WRITE_ONCE(*y, r1); if (r1 == r4) r3 = 5; }\n" + CopyBack + "locations [0:r3]\nexists (0:r1=1)", "Never", 0, 3, 1)]
    // Arithmetic on it, into a register nobody reads: dropped too. r1 ^ r1 is 0 whatever r1 is: kept.
    [InlineData("P0(int *x, int *y) { int r1; int r3; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); r3 = r1 + 1; }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 3, 1)]
    [InlineData("P0(int *x, int *y) { int r1; int r3; r1 = READ_ONCE(*x); WRITE_ONCE(*y, r1); r3 = r1 ^ r1; }\n" + CopyBack + "locations [0:r3]\nexists (0:r1=1)", "Never", 0, 4, 2)]
    [InlineData("P0(int *x, int *y) { int r1; r1 = atomic_fetch_add(1, x); WRITE_ONCE(*y, r1); }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 3, 1)]
    // herd folds only x + 0, x | 0, and x ^ x, x == x, x != x of one value; whatever else the term factory folds
    // (x * 1, x - x, x < x) herd still computes, on an unsolved value, and drops the execution.
    [InlineData(CopiesThen + "r3 = r1 + 0; }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 4, 2)]
    [InlineData(CopiesThen + "r3 = r1 == r1; }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 4, 2)]
    [InlineData(CopiesThen + "r3 = r1 * 1; }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 3, 1)]
    [InlineData(CopiesThen + "r3 = r1 - r1; }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 3, 1)]
    [InlineData(CopiesThen + "r3 = r1 < r1; }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 3, 1)]
    // An RMW never reads its own write, which nothing else rules out when it adds 0 (and so copies its value).
    [InlineData("P0(int *x, int *y) { int r1; r1 = atomic_fetch_add(0, x); WRITE_ONCE(*y, r1); }\n" + CopyBack + "exists (0:r1=1)", "Never", 0, 4, 2)]
    [InlineData("P0(int *x, int *y) { int r1; r1 = atomic_fetch_add(0, x); WRITE_ONCE(*y, r1); }\nP1(int *x, int *y) { int r2; r2 = READ_ONCE(*y); WRITE_ONCE(*x, 5); }\nexists (0:r1=1)", "Never", 0, 4, 2)]
    // A successful cmpxchg solves the value it read (the expected one); the failed one's test is dropped.
    [InlineData("P0(int *x, int *y) { int r1; r1 = cmpxchg(x, 1, 2); WRITE_ONCE(*y, r1); }\n" + CopyBack + "exists (0:r1=1)", "Sometimes", 1, 3, 2)]
    // ... and, backwards along copies, the values it was copied from: P2's branch is then on a solved value.
    [InlineData("P0(int *x) { int r1; r1 = cmpxchg(x, 1, 2); }\nP1(int *x, int *y, int *w) { int r2; r2 = READ_ONCE(*y); WRITE_ONCE(*x, r2); WRITE_ONCE(*w, r2); }\n"
        + "P2(int *y, int *w, int *z) { int r3; r3 = READ_ONCE(*w); WRITE_ONCE(*y, r3); if (r3 == 1) WRITE_ONCE(*z, 1); }\nexists (z=1)", "Sometimes", 1, 6, 2)]
    // A branch that writes a constant solves the cycle through it, each way (manual/kernel/crypto-control-data).
    [InlineData("P0(int *x, int *y) { int r1; r1 = 1; if (READ_ONCE(*x) == 0) r1 = 0; WRITE_ONCE(*y, r1); }\n" + CopyBack + "exists (0:r1=1)", "Sometimes", 1, 4, 2)]
    public void Cycles_are_kept_and_dropped_as_herd_does(string threads, string verdict, long positive, long negative, int states)
    {
        var dir = Directory.CreateTempSubdirectory("litmus-oota-");
        try
        {
            var path = Path.Combine(dir.FullName, "none.cat");
            File.WriteAllText(path, "\"none\"\n");
            var spec = ModelLoader.Load(path, macros: Path.Combine(ModelLoader.BundledDirectory, "lkmm.def"));
            var test = LitmusParser.Parse("C probe\n{}\n" + threads + "\n", "probe.litmus");
            foreach (var engine in Enum.GetValues<DecisionEngine>())
            {
                using var checker = LitmusChecker.Create(spec, new CheckOptions { States = true, CountExecutions = true, Engine = engine });
                var r = checker.Check(test);
                Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors));
                Assert.Equal((verdict, positive, negative, states), (r.VerdictWord, r.Executions!.Positive, r.Executions.Negative, r.States!.Count));
            }
        }
        finally { dir.Delete(recursive: true); }
    }
}

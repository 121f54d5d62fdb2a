using Litmus.Logic;
using Litmus.Smt.Z3;
using Xunit.Abstractions;

namespace Litmus.Smt.Tests;

/// <summary>Measures process-wide memory, so nothing may run beside it.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "an xunit collection definition, named as xunit names them")]
public sealed class MemoryCollection;

/// <summary>One solver serves a whole run: thousands of Reset cycles must not accumulate memory.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests(ITestOutputHelper output)
{
    private const int WarmUpCycles = 1_000;
    private const int MeasuredCycles = 9_000;

    /// <summary>A small test's worth of work on a fresh factory: about 40 terms, a check and a model read.</summary>
    private static void Cycle(Z3Solver solver, int i)
    {
        var f = new TermFactory();
        solver.Reset();
        var values = Enumerable.Range(0, 4).Select(k => f.WordVar($"v{k}")).ToArray();
        var clocks = Enumerable.Range(0, 4).Select(k => f.IntVar($"c{k}")).ToArray();
        for (var k = 0; k < 3; k++)
        {
            var rf = f.BoolVar($"rf{k}");
            // i-dependent constants make every cycle's ASTs new to Z3, so unreleased ones would pile up.
            solver.Assert(f.Implies(rf, f.And(f.Lt(clocks[k], clocks[k + 1]), f.Eq(values[k + 1], f.Binary(Op.Add, values[k], f.WordConst(i))))));
            solver.Assert(f.Or(rf, f.Lt(clocks[k + 1], clocks[k])));
        }
        if (solver.Check(f.Eq(values[0], f.WordConst(-i))) == SolveResult.Sat)
        {
            solver.Model.EvalWord(values[3]);
            solver.Model.EvalInt(clocks[2]);
        }
    }

    [Fact]
    public void Ten_thousand_reset_cycles_do_not_grow_memory()
    {
        Exception? failure = null;
        // On a solver thread, so the measurement is of Z3 and not of thread handoffs.
        SolverThread.Start(() =>
        {
            try { Measure(); }
            catch (Exception e) { failure = e; }
        }).Join();
        Assert.Null(failure);
    }

    private void Measure()
    {
        using var solver = new Z3Solver();
        for (var i = 0; i < WarmUpCycles; i++) Cycle(solver, i);
        var (z3Before, processBefore) = (Z3Context.AllocatedBytes(), ProcessBytes());
        for (var i = WarmUpCycles; i < WarmUpCycles + MeasuredCycles; i++) Cycle(solver, i);
        solver.Reset();
        var (z3After, processAfter) = (Z3Context.AllocatedBytes(), ProcessBytes());

        var z3Growth = (long)z3After - (long)z3Before;
        var processGrowth = processAfter - processBefore;
        output.WriteLine($"over {MeasuredCycles} cycles: Z3 {z3Growth / 1024} KB ({z3Before / 1024} -> {z3After / 1024} KB), process {processGrowth / 1024} KB");
        Assert.Equal(0, solver.TranslatedTerms);
        // A leak of the cycle's ASTs or solver state would be kilobytes per cycle, tens of megabytes in all.
        Assert.True(z3Growth < 1024 * 1024, $"Z3 allocations grew by {z3Growth / 1024} KB");
        // The process measure includes allocator fragmentation and the GC's whims, hence the looser bound.
        Assert.True(processGrowth < 32 * 1024 * 1024, $"process memory grew by {processGrowth / 1024} KB");
    }

    private static long ProcessBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Environment.WorkingSet;
    }
}

using System.Diagnostics;
using Litmus.Logic;
using Litmus.Smt.Z3;
using Xunit.Abstractions;

namespace Litmus.Smt.Tests.Workloads;

/// <summary>A fact that runs only when LITMUS_SMT_BENCH=1: measurements, not checks, and too slow for every build.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LITMUS_SMT_BENCH") != "1")
            Skip = "benchmark: run with LITMUS_SMT_BENCH=1 and --logger \"console;verbosity=detailed\"";
    }
}

/// <summary>
/// The measurement behind <see cref="Z3Solver"/>'s default: Z3_mk_simple_solver against Z3_mk_solver, one solver
/// reused and reset across all tests as in the CLI, on a <see cref="SolverThread"/> as the CLI should run it.
/// </summary>
public sealed class SolverChoiceBenchmark(ITestOutputHelper output)
{
    private const int Tests = 400;
    private static readonly Z3SolverKind[] Kinds = [Z3SolverKind.Simple, Z3SolverKind.Default];

    [BenchmarkFact]
    public void Simple_solver_against_default_solver()
    {
        Exception? failure = null;
        SolverThread.Start(() =>
        {
            try { MeasureAll(); }
            catch (Exception e) { failure = e; }
        }).Join();
        Assert.Null(failure);
    }

    private void MeasureAll()
    {
        var workload = Enumerable.Range(0, Tests).Select(seed => new LitmusLikeTest(seed)).ToList();
        output.WriteLine($"{Tests} litmus-like tests, {workload.Sum(t => t.Assertions.Count)} assertions");
        Measure("enumerate outcomes", solver => workload.Select((t, i) => t.EnumerateOutcomes(solver, i)).Sum());
        Measure("check once", solver => workload.Sum(t => t.CheckOnce(solver)));
        // Two extreme shapes, where the two solvers differ most, one each way.
        Measure("counter chain x' = c ? x + 1 : x, 200 deep", solver => CheckChain(solver, 200, (f, x, i) =>
            f.Ite(f.BoolVar($"c{i}"), f.Binary(Op.Add, x, f.WordConst(1)), x)));
        Measure("arithmetic chain x' = x op y, 100 deep", solver => CheckChain(solver, 100, (f, x, i) =>
            f.Binary(i % 3 == 0 ? Op.Add : i % 3 == 1 ? Op.BitXor : Op.BitAnd, x, f.WordVar($"y{i}"))));
    }

    private static int CheckChain(ISolver solver, int depth, Func<TermFactory, Term, int, Term> step)
    {
        var f = new TermFactory();
        var x = f.WordVar("x0");
        for (var i = 0; i < depth; i++) x = step(f, x, i);
        var last = f.WordVar("last");
        solver.Reset();
        solver.Assert(f.Eq(f.WordVar("x0"), f.WordConst(0)));
        solver.Assert(f.Eq(x, last));
        solver.Assert(f.Eq(last, f.WordConst(depth / 2)));
        return solver.Check() == SolveResult.Sat ? 1 : 0;
    }

    /// <summary>Three rounds, alternating kinds so warm-up favours neither; the best round counts (the VM is noisy).</summary>
    private void Measure(string name, Func<ISolver, int> use)
    {
        var best = Kinds.ToDictionary(k => k, _ => long.MaxValue);
        for (var round = 0; round < 3; round++)
            foreach (var kind in Kinds)
            {
                using var solver = new Z3Solver(kind);
                var clock = Stopwatch.StartNew();
                var sat = use(solver);
                best[kind] = Math.Min(best[kind], clock.ElapsedMilliseconds);
                output.WriteLine($"  {name}: {kind} {clock.ElapsedMilliseconds} ms ({sat} sat)");
            }
        output.WriteLine($"{name}: best Simple {best[Z3SolverKind.Simple]} ms, best Default {best[Z3SolverKind.Default]} ms");
    }
}

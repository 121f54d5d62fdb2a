using System.Diagnostics;
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
/// The measurement behind <see cref="Z3Solver"/>'s default: Z3_mk_simple_solver against Z3_mk_solver on the
/// workload of a checker run, one solver reused and reset across all tests, as in the CLI.
/// </summary>
public sealed class SolverChoiceBenchmark(ITestOutputHelper output)
{
    private const int Tests = 400;

    [BenchmarkFact]
    public void Simple_solver_against_default_solver()
    {
        var workload = Enumerable.Range(0, Tests).Select(seed => new LitmusLikeTest(seed)).ToList();
        output.WriteLine($"{Tests} tests, {workload.Sum(t => t.Assertions.Count)} assertions");
        // Twice each, alternating, so JIT and cache warm-up favour neither.
        foreach (var round in new[] { 1, 2 })
        foreach (var kind in new[] { Z3SolverKind.Simple, Z3SolverKind.Default })
        {
            using var solver = new Z3Solver(kind);
            var outcomes = 0;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < workload.Count; i++) outcomes += workload[i].Run(solver, i);
            output.WriteLine($"round {round} {kind,-8} {clock.ElapsedMilliseconds,6} ms, {outcomes} outcomes");
        }
    }
}

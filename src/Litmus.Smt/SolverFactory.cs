using Litmus.Smt.Z3;

namespace Litmus.Smt;

public static class SolverFactory
{
    /// <summary>A Z3-backed solver. Throws <see cref="SolverUnavailableException"/> if libz3 cannot be loaded.</summary>
    public static ISolver CreateZ3() => new Z3Solver();

    /// <summary>
    /// Starts preparing the solver's context in the background, so that the next <see cref="CreateZ3"/> finds it
    /// ready: for a process about to read a model and then check. Harmless if never used.
    /// </summary>
    public static void Prepare() => Z3Context.Prepare();

    /// <summary>The Z3 version string, e.g. "4.8.12.0" (throws <see cref="SolverUnavailableException"/> like <see cref="CreateZ3"/>).</summary>
    public static string Z3Version() => Z3Context.Version();
}

using Litmus.Logic;

namespace Litmus.Smt.Tests;

/// <summary>A fresh factory and Z3 solver per test, with helpers phrased as logic questions.</summary>
public abstract class SolverTestBase : IDisposable
{
    protected TermFactory F { get; } = new();
    protected ISolver Solver { get; } = SolverFactory.CreateZ3();

    protected Term V(long v) => F.WordConst(v);
    protected Term I(long v) => F.IntConst(v);

    /// <summary>Satisfiable on its own (the solver is reset first).</summary>
    protected SolveResult CheckAlone(Term formula)
    {
        Solver.Reset();
        Solver.Assert(formula);
        return Solver.Check();
    }

    /// <summary>Valid: its negation is unsatisfiable.</summary>
    protected bool IsValid(Term formula) => CheckAlone(F.Not(formula)) == SolveResult.Unsat;

    public void Dispose()
    {
        Solver.Dispose();
        GC.SuppressFinalize(this);
    }
}

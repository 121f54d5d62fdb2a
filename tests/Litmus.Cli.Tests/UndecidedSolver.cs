using Litmus.Logic;
using Litmus.Smt;

namespace Litmus.Cli.Tests;

/// <summary>A solver that answers every question "unknown", as Z3 does when its time limit runs out.</summary>
public sealed class UndecidedSolver : ISolver
{
    public void Assert(Term t) { }
    public SolveResult Check(params Term[] assumptions) => SolveResult.Unknown;
    public void Push() { }
    public void Pop() { }
    public void Reset() { }
    public IModel Model => throw new InvalidOperationException("no model after unknown");
    public string? ReasonUnknown => "timeout";
    public TimeSpan? Timeout { get; set; }
    public void Dispose() { }

    /// <summary>A context whose checkers use this solver, and only it (no test is decided by its candidates).</summary>
    public static CliContext In(CliContext context) =>
        context with { CreateChecker = (model, options) => new Checking.LitmusChecker(model, options with { Engine = Checking.DecisionEngine.Solver }, new UndecidedSolver()) };
}

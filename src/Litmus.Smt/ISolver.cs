using Litmus.Logic;

namespace Litmus.Smt;

public enum SolveResult { Sat, Unsat, Unknown }

/// <summary>
/// An incremental SMT solver over <see cref="Term"/>s. Meant to be created once per worker thread and
/// <see cref="Reset"/> between tests. Not thread-safe: use one instance per thread, ideally a thread started by
/// <see cref="SolverThread.Start"/> (checks then run in place instead of being handed to a large-stack thread).
/// Variables are identified by name and sort. Keep names local to a test ("r0", "rf_w1_r2"), reused from test to
/// test: Z3 interns every distinct name for the life of the process (measured: about 26 bytes per name).
/// </summary>
public interface ISolver : IDisposable
{
    /// <summary>Adds a Bool term to the current scope.</summary>
    void Assert(Term t);

    /// <summary>Checks satisfiability of the assertions together with the Bool <paramref name="assumptions"/>, which do not persist.</summary>
    SolveResult Check(params Term[] assumptions);

    void Push();
    void Pop();

    /// <summary>Forgets all assertions and scopes, and releases what was built for them, so the solver can serve the next test.</summary>
    void Reset();

    /// <summary>The model of the last <see cref="Check"/>, which must have returned Sat. Valid until the next Assert/Check/Push/Pop/Reset.</summary>
    IModel Model { get; }

    /// <summary>Why the last <see cref="Check"/> returned Unknown (e.g. "timeout"); null otherwise.</summary>
    string? ReasonUnknown { get; }

    /// <summary>Wall-clock limit of each <see cref="Check"/>; null for none. A check that runs out returns Unknown.</summary>
    TimeSpan? Timeout { get; set; }
}

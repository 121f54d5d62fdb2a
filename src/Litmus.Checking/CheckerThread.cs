using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>
/// Runs work on a thread whose stack the solver's deep recursion can use, so solver checks run in place instead
/// of being handed to a helper thread each time (about twice as fast when a test asks many questions).
/// </summary>
public static class CheckerThread
{
    /// <summary>Starts a worker thread with such a stack (started; join it yourself).</summary>
    public static Thread Start(Action work, string name) => SolverThread.Start(work, name, isBackground: true);

    public static T Run<T>(Func<T> work)
    {
        if (SolverThread.IsCurrent) return work();
        T result = default!;
        Exception? failure = null;
        var thread = SolverThread.Start(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, "litmus");
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return result;
    }
}

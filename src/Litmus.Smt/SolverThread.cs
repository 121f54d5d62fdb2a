namespace Litmus.Smt;

/// <summary>
/// Threads with a stack large enough for the solver. Z3 recurses natively on the depth of formulas (measured with
/// Z3 4.8.12: 200-400 bytes per level of and/or or ite nesting, over 1.5 KB per level of chained bit-vector
/// arithmetic), so checks of deep formulas overflow a default 1.5 MB thread stack, and a native stack overflow
/// kills the process. The stack is reserved address space, committed only as used.
/// <para>
/// A solver used on a thread started here checks on that thread directly. Used on any other thread, it hands each
/// check to a private large-stack thread: always safe, but each handoff costs a thread wake-up (from microseconds
/// up to about half a millisecond on a busy VM). Run solver workers through <see cref="Start"/> to avoid it.
/// </para>
/// </summary>
public static class SolverThread
{
    public const int StackBytes = 256 * 1024 * 1024;

    [ThreadStatic] private static bool t_hasLargeStack;

    /// <summary>Whether the current thread was started by <see cref="Start"/>.</summary>
    public static bool IsCurrent => t_hasLargeStack;

    /// <summary>Starts <paramref name="body"/> on a new thread with a <see cref="StackBytes"/> stack.</summary>
    public static Thread Start(Action body, string? name = null, bool isBackground = false)
    {
        var thread = new Thread(() =>
        {
            t_hasLargeStack = true;
            body();
        }, StackBytes)
        { Name = name, IsBackground = isBackground };
        thread.Start();
        return thread;
    }
}

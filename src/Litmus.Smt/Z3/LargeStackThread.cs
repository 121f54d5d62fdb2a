using System.Runtime.ExceptionServices;

namespace Litmus.Smt.Z3;

/// <summary>
/// Runs jobs one at a time, synchronously, on a dedicated thread with a large stack.
/// Z3 recurses natively on the nesting depth of formulas (measured: about 400 bytes per level of and/or nesting
/// in a check), so a formula 5,000 levels deep already overflows a default 1.5 MB thread stack. A native stack
/// overflow cannot be caught: it kills the process. On a 256 MB stack (reserved address space, committed only as
/// used) checks of formulas several hundred thousand levels deep are safe.
/// A handoff costs about 8 microseconds with <see cref="ManualResetEventSlim"/> (it spins before blocking);
/// SemaphoreSlim measured over 1 ms per handoff on a 2-core VM, more than a small Z3 check.
/// </summary>
internal sealed class LargeStackThread : IDisposable
{
    public const int StackBytes = 256 * 1024 * 1024;

    private readonly Thread _thread;
    // Each event is set by one side and reset by the other after waking, so the two strictly alternate.
    private readonly ManualResetEventSlim _jobReady = new(false);
    private readonly ManualResetEventSlim _jobDone = new(false);
    private Action? _job;
    private ExceptionDispatchInfo? _failure;
    private bool _stopped;

    public LargeStackThread(string name)
    {
        // Background, so a solver that is never disposed does not keep the process alive.
        _thread = new Thread(Loop, StackBytes) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public T Run<T>(Func<T> job)
    {
        T result = default!;
        Run(() => { result = job(); });
        return result;
    }

    /// <summary>Runs <paramref name="job"/> on the thread and waits; its exception is rethrown here with its stack trace.</summary>
    public void Run(Action job)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        if (Thread.CurrentThread == _thread)
        {
            job(); // a job that calls back into the solver (e.g. a model evaluated inside a job)
            return;
        }
        _job = job;
        _jobReady.Set();
        _jobDone.Wait();
        _jobDone.Reset();
        var failure = _failure;
        _failure = null;
        failure?.Throw();
    }

    private void Loop()
    {
        while (true)
        {
            _jobReady.Wait();
            _jobReady.Reset();
            var job = _job;
            _job = null;
            if (job is null) return; // Dispose's signal
            try { job(); }
            catch (Exception e) { _failure = ExceptionDispatchInfo.Capture(e); }
            _jobDone.Set();
        }
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        _job = null;
        _jobReady.Set();
        if (Thread.CurrentThread != _thread) _thread.Join();
        _jobReady.Dispose();
        _jobDone.Dispose();
    }
}

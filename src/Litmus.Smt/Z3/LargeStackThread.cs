using System.Runtime.ExceptionServices;

namespace Litmus.Smt.Z3;

/// <summary>
/// Runs jobs one at a time, synchronously, on a private <see cref="SolverThread"/>: how a solver used on an
/// ordinary thread gets a large enough stack for its checks (see <see cref="SolverThread"/> for why).
/// </summary>
internal sealed class LargeStackThread : IDisposable
{
    private readonly Thread _thread;
    // Each event is set by one side and reset by the other after waking, so the two strictly alternate.
    // ManualResetEventSlim spins before blocking; SemaphoreSlim measured over 1 ms per handoff on a 2-core VM.
    private readonly ManualResetEventSlim _jobReady = new(false);
    private readonly ManualResetEventSlim _jobDone = new(false);
    private Action? _job;
    private ExceptionDispatchInfo? _failure;
    private bool _stopped;

    public LargeStackThread(string name) =>
        // Background, so a solver that is never disposed does not keep the process alive.
        _thread = SolverThread.Start(Loop, name, isBackground: true);

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
        _thread.Join();
        _jobReady.Dispose();
        _jobDone.Dispose();
    }
}

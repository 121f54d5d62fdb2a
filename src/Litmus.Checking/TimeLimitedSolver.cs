using System.Diagnostics;
using Litmus.Logic;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>
/// A solver whose questions share one test's time limit: each check gets what is left of it, and once it is spent
/// every check answers Unknown at once. A test asks many questions (the verdict, flags, the final states), so a
/// limit per question would let one test run for many times the limit.
/// </summary>
internal sealed class TimeLimitedSolver(ISolver inner) : ISolver
{
    private long _deadline = long.MaxValue; // a Stopwatch timestamp
    private bool _expired;
    private CancellationTokenSource? _limit;

    /// <summary>
    /// Starts a limit of <paramref name="limit"/> from now, or none when null. The token it returns is cancelled
    /// when the limit is reached, for the work done outside the solver (building the encoding, explicit checks).
    /// </summary>
    public CancellationToken StartLimit(TimeSpan? limit)
    {
        _limit?.Dispose();
        _limit = limit is { } t ? new CancellationTokenSource(t) : null;
        _deadline = limit is { } l ? Stopwatch.GetTimestamp() + (long)(l.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        inner.Timeout = limit;
        _expired = false;
        return _limit?.Token ?? default;
    }

    /// <summary>
    /// Throws <see cref="OperationCanceledException"/> once the limit is reached, measured against the deadline (the
    /// token's timer may fire late): for work done without the solver, checked as often as it likes.
    /// </summary>
    public void ThrowIfSpent()
    {
        if (_limit is null) return;
        if (Stopwatch.GetTimestamp() >= _deadline) _limit.Cancel();
        _limit.Token.ThrowIfCancellationRequested();
    }

    /// <summary>Whether the limit of the current test has been reached.</summary>
    public bool LimitReached => _limit?.IsCancellationRequested == true;

    public SolveResult Check(params Term[] assumptions)
    {
        _expired = false;
        if (_deadline != long.MaxValue)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _deadline);
            if (left < TimeSpan.FromMilliseconds(1))
            {
                _expired = true;
                return SolveResult.Unknown;
            }
            inner.Timeout = left;
        }
        var answer = inner.Check(assumptions);
        // Z3 says "timeout" or "canceled" when its timer fires; either way it was the test's limit.
        _expired = answer == SolveResult.Unknown && _deadline != long.MaxValue && Stopwatch.GetTimestamp() >= _deadline;
        return answer;
    }

    public string? ReasonUnknown => _expired ? LitmusChecker.TimeLimitReached : inner.ReasonUnknown;

    public TimeSpan? Timeout { get => inner.Timeout; set => inner.Timeout = value; }
    public IModel Model => inner.Model;
    public void Assert(Term t) => inner.Assert(t);
    public void Push() => inner.Push();
    public void Pop() => inner.Pop();
    public void Reset() => inner.Reset();
    public void Dispose()
    {
        _limit?.Dispose();
        inner.Dispose();
    }
}

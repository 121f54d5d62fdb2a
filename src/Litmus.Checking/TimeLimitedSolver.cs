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

    /// <summary>Starts a limit of <paramref name="limit"/> from now, or none when null.</summary>
    public void StartLimit(TimeSpan? limit)
    {
        _deadline = limit is { } t ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        inner.Timeout = limit;
        _expired = false;
    }

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
    public void Dispose() => inner.Dispose();
}

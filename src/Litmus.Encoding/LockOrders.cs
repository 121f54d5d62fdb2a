using Litmus.Models.Explicit;

namespace Litmus.Encoding;

/// <summary>
/// How a model that orders the lock events itself (upstream lock.cat, see ExecutionRelations.ModelOrdersLocks)
/// places them, as far as a candidate that carries them must follow: a lock's read reads from the write right
/// before its lock write in co (<c>[IW | UL] ; singlestep(co) ; lk-rmw^-1</c>), and an unlock comes right after
/// the lock write of its critical section (<c>co = (co | critical | critical^-1 ; co)+</c>), a lock write of its
/// own thread before it. Candidates that break these cannot be the model's executions; the listing skips them
/// (<see cref="CandidatePruning"/>), and <see cref="ExplicitCheck"/> checks that each execution the model makes
/// keeps them, so that it is one the listing meets (else the solver decides).
/// </summary>
internal sealed class LockOrders
{
    private readonly ExecutionRelations _exec;

    /// <summary>The lock read of each lock write (spin_lock()'s and a successful spin_trylock()'s RMW).</summary>
    public IReadOnlyDictionary<int, int> ReadOfLockWrite { get; }

    public LockOrders(ExecutionRelations exec)
    {
        _exec = exec;
        ReadOfLockWrite = exec.ModelOrdersLocks && !exec.CoFromModel
            ? exec.Program.Rmw.Where(e => ExecutionRelations.IsLockEvent(exec.EventAt(e.From)) && ExecutionRelations.IsLockEvent(exec.EventAt(e.To)))
                .ToDictionary(e => e.To, e => e.From)
            : new Dictionary<int, int>();
    }

    /// <summary>Whether the candidates carry lock events that the model orders (else nothing here applies).</summary>
    public bool Apply => ReadOfLockWrite.Count > 0;

    public bool IsUnlock(int e) => _exec.EventAt(e).Classes.Contains("UL");

    /// <summary>Whether <paramref name="unlock"/> may come right after <paramref name="previous"/> in co: a lock write of its thread, before it.</summary>
    public bool MayFollow(int previous, int unlock)
    {
        var p = _exec.EventAt(previous);
        return ReadOfLockWrite.ContainsKey(previous) && ExecutionRelations.InProgramOrder(p, _exec.EventAt(unlock));
    }

    /// <summary>Whether an execution's rf and co (the model's, at its end) keep both rules, for the lock events that happen.</summary>
    public bool KeptBy(EventRelation rf, EventRelation co, int n)
    {
        int? Previous(int w)
        {
            for (var a = 0; a < n; a++)
                if (co.Contains(a, w) && !Enumerable.Range(0, n).Any(b => co.Contains(a, b) && co.Contains(b, w))) return a;
            return null;
        }
        for (var e = 0; e < n; e++)
        {
            var happens = Enumerable.Range(0, n).Any(a => co.Contains(a, e) || co.Contains(e, a));
            if (!happens) continue;
            if (ReadOfLockWrite.TryGetValue(e, out var read))
            {
                if (Previous(e) is not { } source || !rf.Contains(source, read)) return false;
            }
            else if (IsUnlock(e) && (Previous(e) is not { } before || !MayFollow(before, e))) return false;
        }
        return true;
    }
}

using Litmus.Logic;
using static Litmus.Smt.Native.Z3Native;

namespace Litmus.Smt.Z3;

/// <summary>Which Z3 solver object backs a <see cref="Z3Solver"/>.</summary>
internal enum Z3SolverKind
{
    /// <summary><c>Z3_mk_simple_solver</c>: the incremental SMT core directly.</summary>
    Simple,
    /// <summary><c>Z3_mk_solver</c>: a tactic chosen by logic for a first non-incremental check, the SMT core afterwards.</summary>
    Default,
}

/// <summary>
/// <see cref="ISolver"/> on one Z3 context and one Z3 solver, both reused across tests: <see cref="Reset"/> empties
/// the solver and releases every AST of the test, so memory stays bounded over a run. Checks and model extraction,
/// the Z3 calls that recurse on formula depth, run on a large stack (<see cref="SolverThread"/>); building terms,
/// asserting and evaluating were measured safe on a 512 KB stack with 100,000-level terms and run on the caller's.
/// Not thread-safe: use one instance per thread.
/// </summary>
internal sealed class Z3Solver : ISolver
{
    private readonly Z3SolverKind _kind;
    private readonly Z3Context _z3;
    private readonly Z3Translator _terms;
    private readonly nint _solver;
    private LargeStackThread? _largeStack; // created by the first check made from an ordinary thread
    private TimeSpan? _timeout;
    private SolveResult? _lastResult;
    private Z3Model? _model;
    private int _scopes;
    private bool _disposed;

    public Z3Solver() : this(Z3SolverKind.Simple) { }

    internal Z3Solver(Z3SolverKind kind)
    {
        _kind = kind;
        _z3 = Z3Context.Take();
        try
        {
            _terms = new Z3Translator(_z3);
            _solver = CreateSolver();
        }
        catch
        {
            _z3.Dispose();
            throw;
        }
    }

    private nint CreateSolver()
    {
        var solver = _kind == Z3SolverKind.Simple ? Z3_mk_simple_solver(_z3.Handle) : Z3_mk_solver(_z3.Handle);
        _z3.ThrowIfFailed();
        Z3_solver_inc_ref(_z3.Handle, solver);
        return solver;
    }

    /// <summary>How many Term translations are held (a memory measure for tests).</summary>
    internal int TranslatedTerms => _terms.Count;

    public void Assert(Term t)
    {
        ExpectBool(t);
        var ast = _terms.Translate(t);
        Invalidate();
        Z3_solver_assert(_z3.Handle, _solver, ast);
        _z3.ThrowIfFailed();
    }

    public SolveResult Check(params Term[] assumptions)
    {
        ThrowIfDisposed();
        foreach (var a in assumptions) ExpectBool(a);
        return OnLargeStack(() => CheckNow(assumptions));
    }

    private unsafe SolveResult CheckNow(Term[] assumptions)
    {
        var asts = new nint[assumptions.Length];
        for (var i = 0; i < asts.Length; i++) asts[i] = _terms.Translate(assumptions[i]);
        Invalidate();
        int answer;
        fixed (nint* p = asts)
            answer = asts.Length == 0
                ? Z3_solver_check(_z3.Handle, _solver)
                : Z3_solver_check_assumptions(_z3.Handle, _solver, (uint)asts.Length, p);
        _z3.ThrowIfFailed();
        _lastResult = answer switch { LTrue => SolveResult.Sat, LFalse => SolveResult.Unsat, _ => SolveResult.Unknown };
        return _lastResult.Value;
    }

    public void Push()
    {
        ThrowIfDisposed();
        Invalidate();
        Z3_solver_push(_z3.Handle, _solver);
        _z3.ThrowIfFailed();
        _scopes++;
    }

    public void Pop()
    {
        ThrowIfDisposed();
        if (_scopes == 0) throw new InvalidOperationException("Pop without a matching Push");
        Invalidate();
        Z3_solver_pop(_z3.Handle, _solver, 1);
        _z3.ThrowIfFailed();
        _scopes--;
    }

    public void Reset()
    {
        ThrowIfDisposed();
        Invalidate();
        Z3_solver_reset(_z3.Handle, _solver);
        _z3.ThrowIfFailed();
        // Nothing in the solver refers to the test's ASTs any more: releasing them lets Z3 free them.
        _terms.Clear();
        _scopes = 0;
    }

    public IModel Model
    {
        get
        {
            ThrowIfDisposed();
            if (_model is not null) return _model;
            if (_lastResult != SolveResult.Sat)
                throw new InvalidOperationException("no model: the last Check did not return Sat, or the solver changed since");
            return _model = OnLargeStack(() =>
            {
                var handle = Z3_solver_get_model(_z3.Handle, _solver);
                _z3.ThrowIfFailed();
                Z3_model_inc_ref(_z3.Handle, handle);
                return new Z3Model(_z3, _terms, handle);
            });
        }
    }

    public string? ReasonUnknown
    {
        get
        {
            ThrowIfDisposed();
            if (_lastResult != SolveResult.Unknown) return null;
            var reason = ReadString(Z3_solver_get_reason_unknown(_z3.Handle, _solver));
            _z3.ThrowIfFailed();
            return reason;
        }
    }

    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            ThrowIfDisposed();
            if (value is { } t && (t <= TimeSpan.Zero || t.TotalMilliseconds >= uint.MaxValue))
                throw new ArgumentOutOfRangeException(nameof(value), value, "a timeout must be positive and below 49 days");
            _timeout = value;
            ApplyTimeout();
        }
    }

    /// <summary>
    /// Z3's "timeout" solver parameter, in milliseconds, rounded up so a sub-millisecond limit does not mean "none";
    /// uint.MaxValue is Z3's "no limit". Z3 arms a timer around each check and cancels the search when it fires.
    /// Solver parameters survive Z3_solver_reset, so this is set only when the property changes.
    /// </summary>
    private void ApplyTimeout()
    {
        var ms = _timeout is { } t ? (uint)Math.Max(1, Math.Ceiling(t.TotalMilliseconds)) : uint.MaxValue;
        var c = _z3.Handle;
        var parameters = Z3_mk_params(c);
        _z3.ThrowIfFailed();
        Z3_params_inc_ref(c, parameters);
        try
        {
            Z3_params_set_uint(c, parameters, _z3.Symbol("timeout"), ms);
            Z3_solver_set_params(c, _solver, parameters);
            _z3.ThrowIfFailed();
        }
        finally { Z3_params_dec_ref(c, parameters); }
    }

    private T OnLargeStack<T>(Func<T> job) =>
        SolverThread.IsCurrent ? job() : (_largeStack ??= new LargeStackThread("Z3 check")).Run(job);

    private void ExpectBool(Term t)
    {
        ThrowIfDisposed();
        if (t.Sort != Sort.Bool) throw new ArgumentException($"expected a Bool term, got {t.Sort}: {t}");
    }

    /// <summary>Forgets the last answer and frees its model: both describe a solver state that is about to change.</summary>
    private void Invalidate()
    {
        _lastResult = null;
        _model?.Invalidate();
        _model = null;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Invalidate();
        Z3_solver_dec_ref(_z3.Handle, _solver);
        _terms.Clear();
        _z3.Dispose();
        _largeStack?.Dispose();
    }

    public override string ToString() => $"Z3 solver ({_kind})";
}

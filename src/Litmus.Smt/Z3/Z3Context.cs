using Litmus.Smt.Native;
using static Litmus.Smt.Native.Z3Native;

namespace Litmus.Smt.Z3;

/// <summary>
/// One Z3 context with reference-counted ASTs (<c>Z3_mk_context_rc</c>). Chosen over the plain context because a
/// plain context keeps every AST until it is deleted, so a context reused across thousands of tests would only grow;
/// with reference counts, the ASTs of a test are freed when the translator releases them on Reset.
/// The rule that follows: an AST returned by Z3 must be <see cref="Keep"/>-ed before the next Z3 call that creates
/// another one (Z3 only holds the most recent result alive), and <see cref="Release"/>-d when no longer needed.
/// Not thread-safe, like Z3 contexts themselves.
/// </summary>
internal sealed unsafe class Z3Context : IDisposable
{
    public const uint ValueBits = 64;

    public nint Handle { get; private set; }
    public nint BoolSort { get; }
    public nint WordSort { get; }
    public nint IntSort { get; }

    public Z3Context()
    {
        EnsureLoaded();
        _ = GlobalParameters.Set;
        var config = Z3_mk_config();
        try
        {
            Z3_set_param_value(config, "model", "true");
            Handle = Z3_mk_context_rc(config);
        }
        finally { Z3_del_config(config); }
        if (Handle == 0) throw new SolverException("Z3 could not create a context");
        Z3_set_error_handler(Handle, &IgnoreError);
        // Sorts are ASTs: without a reference they could be freed while cached here.
        BoolSort = Keep(Z3_mk_bool_sort(Handle));
        WordSort = Keep(Z3_mk_bv_sort(Handle, ValueBits));
        IntSort = Keep(Z3_mk_int_sort(Handle));
    }

    /// <summary>
    /// Z3's global parameters, set once before the first context (the SMT core reads them when a solver is made).
    /// <c>smt.relevancy=0</c>: Z3 assigns every atom rather than only those its relevancy filter keeps. Measured
    /// (docs/performance.md, session 11): 7% less CPU over 150 corpus tests in verdict mode, 15% over the bundled
    /// suite in herd format, the same answers and states; on the RCU rings' listing it was within noise.
    /// </summary>
    private static class GlobalParameters
    {
        public static readonly bool Set = Apply();

        private static bool Apply()
        {
            Z3_global_param_set("smt.relevancy", "0");
            return true;
        }
    }

    private static Task<Z3Context>? _prepared;

    /// <summary>
    /// Starts creating a context on another thread, for the next <see cref="Take"/>. Creating a context costs
    /// Z3 4.8.12 about 10-20 ms (it touches some 16 MB), as much as the rest of a small test; a process that
    /// checks one test (the kernel's scripts start one per test) overlaps it with reading the model.
    /// </summary>
    public static void Prepare()
    {
        if (Volatile.Read(ref _prepared) is not null) return;
        var task = new Task<Z3Context>(() => new Z3Context());
        if (Interlocked.CompareExchange(ref _prepared, task, null) is null) task.Start();
    }

    /// <summary>The context <see cref="Prepare"/> started, if one is waiting, else a new one.</summary>
    public static Z3Context Take()
    {
        var prepared = Interlocked.Exchange(ref _prepared, null);
        return prepared is null ? new Z3Context() : prepared.GetAwaiter().GetResult();
    }

    public static string Version()
    {
        EnsureLoaded();
        return ReadString(Z3_get_full_version());
    }

    /// <summary>Bytes Z3 has allocated in this process, over all contexts (a leak measure for tests).</summary>
    public static ulong AllocatedBytes()
    {
        EnsureLoaded();
        return Z3_get_estimated_alloc_size();
    }

    /// <summary>Throws the pending Z3 error, if the last call failed. Called after every Z3 call that can fail.</summary>
    public void ThrowIfFailed()
    {
        var code = Z3_get_error_code(Handle);
        if (code != ErrorOk) throw new SolverException($"Z3 error {code}: {ReadString(Z3_get_error_msg(Handle, code))}");
    }

    /// <summary>Checks a freshly created AST and takes a reference to it.</summary>
    public nint Keep(nint ast)
    {
        ThrowIfFailed();
        if (ast == 0) throw new SolverException("Z3 returned no AST");
        Z3_inc_ref(Handle, ast);
        return ast;
    }

    public void Release(nint ast) => Z3_dec_ref(Handle, ast);

    public nint Symbol(string name)
    {
        var symbol = Z3_mk_string_symbol(Handle, name);
        ThrowIfFailed();
        return symbol;
    }

    /// <summary>
    /// Deleting the context frees everything created in it, including ASTs still referenced;
    /// owners must not use their handles afterwards.
    /// </summary>
    public void Dispose()
    {
        DeleteContext();
        GC.SuppressFinalize(this);
    }

    // A forgotten Dispose would otherwise leak a whole native context (megabytes).
    ~Z3Context() => DeleteContext();

    private void DeleteContext()
    {
        if (Handle == 0) return;
        Z3_del_context(Handle);
        Handle = 0;
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Litmus.Smt.Native;

/// <summary>
/// The only place that touches libz3: the C API functions Litmus needs, bound with source-generated
/// <see cref="LibraryImportAttribute"/> stubs. All handles are opaque pointers (<see cref="nint"/>); ownership and
/// reference counting are handled one level up, in <see cref="Z3.Z3Context"/>.
/// Signatures follow <c>z3_api.h</c> of Z3 4.8.x; C <c>bool</c> is one byte, enums are C <c>int</c>.
/// </summary>
internal static unsafe partial class Z3Native
{
    private const string Library = "z3";

    /// <summary>Names tried in order: the runtime package's soname first, so no <c>-dev</c> symlink is needed.</summary>
    private static readonly string[] Candidates = ["libz3.so.4", "libz3.so", "libz3.dylib", "libz3.dll", "z3"];

    private static readonly Lazy<nint> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    static Z3Native() =>
        NativeLibrary.SetDllImportResolver(typeof(Z3Native).Assembly, (name, _, _) => name == Library ? Handle.Value : 0);

    /// <summary>Loads libz3 now, so a missing library surfaces as one clear exception instead of a DllNotFoundException mid-run.</summary>
    public static void EnsureLoaded() => _ = Handle.Value;

    private static nint Load()
    {
        string? loadError = null;
        foreach (var name in Candidates)
        {
            try { return NativeLibrary.Load(name, typeof(Z3Native).Assembly, searchPath: null); }
            catch (DllNotFoundException e) { loadError ??= FoundButNotLoaded(e.Message); }
            catch (BadImageFormatException e) { loadError ??= e.Message; }
        }
        throw new SolverUnavailableException(SolverUnavailableException.MissingLibraryMessage(
            loadError ?? $"{Candidates[0]}: not found in the library search path"));
    }

    /// <summary>
    /// The runtime's message lists every path it probed; a line not ending in "No such file or directory" is a library
    /// that exists but failed to load (wrong architecture, missing dependency), the one reason worth printing.
    /// </summary>
    private static string? FoundButNotLoaded(string message) =>
        message.Split('\n').Skip(1).Select(line => line.Trim())
            .FirstOrDefault(line => line.Length > 0 && !line.EndsWith("No such file or directory", StringComparison.Ordinal));

    public const int LFalse = -1, LUndef = 0, LTrue = 1;
    public const int ErrorOk = 0;

    // Configuration and context
    [LibraryImport(Library)] public static partial nint Z3_mk_config();
    [LibraryImport(Library)] public static partial void Z3_del_config(nint cfg);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial void Z3_set_param_value(nint cfg, string id, string value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial void Z3_global_param_set(string id, string value);
    [LibraryImport(Library)] public static partial nint Z3_mk_context_rc(nint cfg);
    [LibraryImport(Library)] public static partial void Z3_del_context(nint c);
    [LibraryImport(Library)] public static partial nint Z3_get_full_version();
    /// <summary>Bytes currently allocated by Z3 in this process, all contexts together.</summary>
    [LibraryImport(Library)] public static partial ulong Z3_get_estimated_alloc_size();

    // Errors
    [LibraryImport(Library)] public static partial void Z3_set_error_handler(nint c, delegate* unmanaged[Cdecl]<nint, int, void> handler);
    [LibraryImport(Library)] public static partial int Z3_get_error_code(nint c);
    [LibraryImport(Library)] public static partial nint Z3_get_error_msg(nint c, int code);

    // Reference counting (sorts are ASTs too)
    [LibraryImport(Library)] public static partial void Z3_inc_ref(nint c, nint ast);
    [LibraryImport(Library)] public static partial void Z3_dec_ref(nint c, nint ast);

    // Sorts, symbols, constants
    [LibraryImport(Library)] public static partial nint Z3_mk_bool_sort(nint c);
    [LibraryImport(Library)] public static partial nint Z3_mk_int_sort(nint c);
    [LibraryImport(Library)] public static partial nint Z3_mk_bv_sort(nint c, uint size);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint Z3_mk_string_symbol(nint c, string s);
    [LibraryImport(Library)] public static partial nint Z3_mk_const(nint c, nint symbol, nint sort);
    [LibraryImport(Library)] public static partial nint Z3_mk_true(nint c);
    [LibraryImport(Library)] public static partial nint Z3_mk_false(nint c);
    [LibraryImport(Library)] public static partial nint Z3_mk_int64(nint c, long v, nint sort);
    [LibraryImport(Library)] public static partial nint Z3_mk_unsigned_int64(nint c, ulong v, nint sort);

    // Boolean structure
    [LibraryImport(Library)] public static partial nint Z3_mk_not(nint c, nint a);
    [LibraryImport(Library)] public static partial nint Z3_mk_and(nint c, uint n, nint* args);
    [LibraryImport(Library)] public static partial nint Z3_mk_or(nint c, uint n, nint* args);
    [LibraryImport(Library)] public static partial nint Z3_mk_iff(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_eq(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_ite(nint c, nint cond, nint then, nint otherwise);

    // Bit-vectors
    [LibraryImport(Library)] public static partial nint Z3_mk_bvadd(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvsub(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvmul(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvsdiv(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvsrem(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvand(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvor(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvxor(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvshl(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvashr(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvneg(nint c, nint a);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvnot(nint c, nint a);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvslt(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_bvsle(nint c, nint a, nint b);

    // Integers
    [LibraryImport(Library)] public static partial nint Z3_mk_lt(nint c, nint a, nint b);
    [LibraryImport(Library)] public static partial nint Z3_mk_le(nint c, nint a, nint b);

    // Parameters
    [LibraryImport(Library)] public static partial nint Z3_mk_params(nint c);
    [LibraryImport(Library)] public static partial void Z3_params_inc_ref(nint c, nint p);
    [LibraryImport(Library)] public static partial void Z3_params_dec_ref(nint c, nint p);
    [LibraryImport(Library)] public static partial void Z3_params_set_uint(nint c, nint p, nint symbol, uint value);

    // Solvers
    [LibraryImport(Library)] public static partial nint Z3_mk_solver(nint c);
    [LibraryImport(Library)] public static partial nint Z3_mk_simple_solver(nint c);
    [LibraryImport(Library)] public static partial void Z3_solver_inc_ref(nint c, nint s);
    [LibraryImport(Library)] public static partial void Z3_solver_dec_ref(nint c, nint s);
    [LibraryImport(Library)] public static partial void Z3_solver_set_params(nint c, nint s, nint p);
    [LibraryImport(Library)] public static partial void Z3_solver_assert(nint c, nint s, nint a);
    [LibraryImport(Library)] public static partial int Z3_solver_check(nint c, nint s);
    [LibraryImport(Library)] public static partial int Z3_solver_check_assumptions(nint c, nint s, uint n, nint* assumptions);
    [LibraryImport(Library)] public static partial void Z3_solver_push(nint c, nint s);
    [LibraryImport(Library)] public static partial void Z3_solver_pop(nint c, nint s, uint n);
    [LibraryImport(Library)] public static partial void Z3_solver_reset(nint c, nint s);
    [LibraryImport(Library)] public static partial nint Z3_solver_get_model(nint c, nint s);
    [LibraryImport(Library)] public static partial nint Z3_solver_get_reason_unknown(nint c, nint s);

    // Models
    [LibraryImport(Library)] public static partial void Z3_model_inc_ref(nint c, nint m);
    [LibraryImport(Library)] public static partial void Z3_model_dec_ref(nint c, nint m);
    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool Z3_model_eval(nint c, nint m, nint t, [MarshalAs(UnmanagedType.U1)] bool completion, out nint result);
    [LibraryImport(Library)] public static partial int Z3_get_bool_value(nint c, nint a);
    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool Z3_get_numeral_int64(nint c, nint a, out long value);
    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool Z3_get_numeral_uint64(nint c, nint a, out ulong value);
    [LibraryImport(Library)] public static partial nint Z3_get_numeral_string(nint c, nint a);

    /// <summary>
    /// Z3 calls its error handler instead of returning an error; the default one prints and exits the process.
    /// This one does nothing, so the failing call returns and <see cref="Z3.Z3Context"/> turns the error code
    /// into a C# exception. It must not throw: an exception cannot unwind through Z3's native frames.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void IgnoreError(nint context, int code) { }

    /// <summary>A string owned by Z3 (valid until the next call): copied, never freed here.</summary>
    public static string ReadString(nint utf8) => Marshal.PtrToStringUTF8(utf8) ?? "";
}

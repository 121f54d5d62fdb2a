using Litmus.Smt.Native;
using Litmus.Smt.Z3;

namespace Litmus.Smt.Tests;

public sealed class NativeErrorTests
{
    /// <summary>Z3's default handler would exit the process; ours makes the failed call an exception.</summary>
    [Fact]
    public void Ill_sorted_z3_call_becomes_an_exception()
    {
        using var z3 = new Z3Context();
        var boolean = z3.Keep(Z3Native.Z3_mk_true(z3.Handle));
        var word = z3.Keep(Z3Native.Z3_mk_unsigned_int64(z3.Handle, 1, z3.WordSort));
        var error = Assert.Throws<SolverException>(() => z3.Keep(Z3Native.Z3_mk_bvadd(z3.Handle, boolean, word)));
        Assert.Contains("Z3 error", error.Message);
        // The context is still usable afterwards.
        z3.Release(z3.Keep(Z3Native.Z3_mk_bvadd(z3.Handle, word, word)));
    }
}

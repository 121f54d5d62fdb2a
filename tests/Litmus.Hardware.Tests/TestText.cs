using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware.Tests;

/// <summary>Small litmus tests written in place, and the C generated for them.</summary>
public static class TestText
{
    /// <summary>A two-thread test whose P0 runs <paramref name="p0"/> (declaring r0 and r1) over locations x, y and l.</summary>
    public static LitmusTest Parse(string p0, string init = "", string types = "int *x, int *y, spinlock_t *l, atomic_t *v", string condition = "exists (0:r0=0)") =>
        LitmusParser.Parse($$"""
            C T
            { {{init}} }
            P0({{types}})
            {
            	int r0;
            	int r1;
            	{{p0}}
            }
            P1(int *x, int *y)
            {
            	WRITE_ONCE(*y, 1);
            }
            {{condition}}
            """, "T.litmus");

    /// <summary>The C of P0's function.</summary>
    public static string P0(string p0, string init = "", string types = "int *x, int *y, spinlock_t *l, atomic_t *v")
    {
        var code = HarnessGenerator.Generate(Parse(p0, init, types)).Code;
        var start = code.IndexOf("static void litmus_P0(long litmus_i)", StringComparison.Ordinal);
        var end = code.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return code[start..end];
    }
}

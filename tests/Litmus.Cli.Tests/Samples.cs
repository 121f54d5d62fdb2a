namespace Litmus.Cli.Tests;

/// <summary>Small litmus tests written for these tests.</summary>
public static class Samples
{
    /// <summary>Message passing ordered on both sides: Never. Its Result: line (line 3) says RESULT.</summary>
    public const string Mp = """
        C MP+test
        (*
         * Result: RESULT
         *)
        {}
        P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1); }
        P1(int *x, int *y) { r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x); }
        exists (1:r0=1 /\ 1:r1=0)
        """;

    public static string MpExpecting(string result) => Mp.Replace("RESULT", result);

    /// <summary>The same test with the reader's smp_rmb() deleted: the broken algorithm, Sometimes.</summary>
    public static string BrokenMp(string result = "Never") => MpExpecting(result).Replace(" smp_rmb();", "");

    /// <summary>A plain write and a plain read of one variable: Sometimes, with a data race.</summary>
    public const string Race = """
        C Race
        (*
         * Result: Sometimes DATARACE
         *)
        {}
        P0(int *x) { *x = 1; }
        P1(int *x) { int r0; r0 = *x; }
        exists (1:r0=1)
        """;

    public const string Truncated = "C bad\n{}\nP0(int *x) { WRITE_ONCE(*x, 1)\n";
}

using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>The checker on small tests written here: verdict forms, states, flags, witnesses, errors.</summary>
public class CheckerTests
{
    private static readonly LitmusChecker Lkmm = LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel), new CheckOptions { States = true, Witness = true });

    private static TestResult Check(string text)
    {
        var test = LitmusParser.Parse(text, "t.litmus");
        lock (Lkmm) return Lkmm.Check(test);
    }

    private const string Sb = """
        C SB
        {}
        P0(int *x, int *y) { WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
        P1(int *x, int *y) { WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
        """;

    [Fact]
    public void Exists_reachable_is_sometimes_and_ok()
    {
        var r = Check(Sb + "exists (0:r0=0 /\\ 1:r0=0)");
        Assert.Equal(Verdict.Sometimes, r.Verdict);
        Assert.True(r.Ok);
        Assert.Equal(4, r.States!.Count);
        Assert.Single(r.States!, s => s.Satisfies);
    }

    [Fact]
    public void Not_exists_of_a_reachable_outcome_is_not_ok()
    {
        var r = Check(Sb + "~exists (0:r0=0 /\\ 1:r0=0)");
        Assert.Equal(Verdict.Sometimes, r.Verdict);
        Assert.False(r.Ok);
    }

    [Fact]
    public void Forall_of_a_tautology_is_always()
    {
        var r = Check(Sb + "forall (0:r0=0 \\/ 0:r0=1)");
        Assert.Equal(Verdict.Always, r.Verdict);
        Assert.True(r.Ok);
    }

    [Fact]
    public void Filter_removes_executions_before_the_condition_is_judged()
    {
        var r = Check(Sb + "filter (0:r0=0)\nexists (1:r0=0)");
        // With P0's read fixed to 0, P1's read can still be 0 or 1; herd shows only the condition's values.
        Assert.Equal(Verdict.Sometimes, r.Verdict);
        Assert.Equal(["1:r0=0;", "1:r0=1;"], r.States!.Select(s => s.ToString()));
    }

    [Fact]
    public void A_filter_nothing_passes_leaves_no_execution()
    {
        var r = Check(Sb + "filter (0:r0=2)\nexists (1:r0=0)");
        Assert.True(r.NoExecutions);
        Assert.Equal("DEADLOCK", r.VerdictWord);
    }

    [Fact]
    public void Pointer_values_show_as_location_names()
    {
        var r = Check("""
            C ptr
            { int *p = &x; }
            P0(int **p, int *x) { int *r0 = READ_ONCE(*p); r1 = READ_ONCE(*r0); }
            exists (0:r0=x /\ 0:r1=0)
            """);
        Assert.Equal(Verdict.Always, r.Verdict);
        Assert.Contains(("0:r0", "x"), r.States![0].Values);
    }

    [Fact]
    public void Plain_accesses_that_race_raise_the_data_race_flag()
    {
        var r = Check("""
            C race
            {}
            P0(int *x) { *x = 1; }
            P1(int *x) { r0 = *x; }
            exists (1:r0=1)
            """);
        Assert.Contains("data-race", r.Flags);
    }

    [Fact]
    public void The_witness_names_lines_and_reads_from()
    {
        var r = Check(Sb + "exists (0:r0=0 /\\ 1:r0=0)");
        var w = r.Witness!;
        Assert.Contains(w.Events, e => e is { Thread: 0, Line: 3, Text: "READ_ONCE(*y)", Kind: Events.EventKind.Read, Value: "0", Address: "y" });
        Assert.Contains(w.ReadsFrom, rf => w.Event(rf.Write).IsInit && w.Event(rf.Read).Text == "READ_ONCE(*y)");
    }

    [Fact]
    public void A_value_no_thread_writes_never_appears()
    {
        var r = Check("""
            C thin-air
            {}
            P0(int *x, int *y) { r1 = *x; *y = r1; }
            P1(int *x, int *y) { r1 = *y; *x = r1; }
            exists (x=42)
            """);
        Assert.Equal(Verdict.Never, r.Verdict);
    }

    [Theory]
    [InlineData("scopes: (system (proc P0 P1))", "Sometimes")]  // P1 in P0's process; P2 in none: a process of its own
    [InlineData("scopes: (system (proc P0 P2) (proc P1))", "Never")]
    [InlineData("", "Never")]                                   // no clause: one process
    public void Private_expedited_interrupts_only_the_callers_process(string scopes, string verdict)
    {
        var r = Check($$"""
            C SB+membarrier+processes
            {}
            P0(int *x, int *y) { WRITE_ONCE(*x, 1); sys_membarrier(); r0 = READ_ONCE(*y); }
            P1(int *z) { }
            P2(int *x, int *y) { WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
            {{scopes}}
            exists (0:r0=0 /\ 2:r0=0)
            """);
        Assert.Empty(r.Errors);
        Assert.Equal(verdict, r.VerdictWord);
    }

    /// <summary>The abstract call (no argument, or herd's smp_memb()) needs no registration; the explicit private command does.</summary>
    [Theory]
    [InlineData("sys_membarrier()", "Never", false)]
    [InlineData("smp_memb()", "Never", false)]
    [InlineData("sys_membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED)", "Sometimes", true)]
    [InlineData("sys_membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0)", "Sometimes", true)]
    [InlineData("membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0)", "Sometimes", true)]
    [InlineData("membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, 0)", "Sometimes", true)]
    public void Only_the_explicit_private_commands_need_registration(string call, string verdict, bool eperm)
    {
        var r = Check($$"""
            C SB+call+call
            {}
            P0(int *x, int *y) { WRITE_ONCE(*x, 1); {{call}}; r0 = READ_ONCE(*y); }
            P1(int *x, int *y) { WRITE_ONCE(*y, 1); {{call}}; r0 = READ_ONCE(*x); }
            exists (0:r0=0 /\ 1:r0=0)
            """);
        Assert.Empty(r.Errors);
        Assert.Equal(verdict, r.VerdictWord);
        Assert.Equal(eperm ? 2 : 0, r.Warnings.Count(w => w.Message.Contains("-EPERM")));
    }

    /// <summary>Linux refuses GLOBAL_EXPEDITED to no one: only its receivers must have registered.</summary>
    [Theory]
    [InlineData("membarrier(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED, 0);", "Never")]
    [InlineData("", "Sometimes")]
    public void Global_expedited_needs_no_registration_of_the_caller(string receiverRegisters, string verdict)
    {
        var r = Check($$"""
            C SB+global-expedited
            {}
            P0(int *x, int *y) { WRITE_ONCE(*x, 1); sys_membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED); r0 = READ_ONCE(*y); }
            P1(int *x, int *y) { {{receiverRegisters}} WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
            scopes: (system (proc P0) (proc P1))
            exists (0:r0=0 /\ 1:r0=0)
            """);
        Assert.Empty(r.Errors);
        Assert.Empty(r.Warnings);
        Assert.Equal(verdict, r.VerdictWord);
    }

    [Theory]
    [InlineData("P0(int *x) { r0 = FOO_ONCE(*x); }\nexists (0:r0=0)", 3, 19, "unknown primitive 'FOO_ONCE'")]
    [InlineData("P0(int *x) { r0 = READ_ONCE(*x); }\nexists (z=0)", 4, 9, "undeclared location 'z'")]
    [InlineData("P0(int *x) { r0 = READ_ONCE(*x); }\nexists (3:r0=0)", 4, 9, "no thread P3")]
    public void Bad_input_gives_one_positioned_error(string body, int line, int column, string message)
    {
        var r = Check("C bad\n{}\n" + body);
        var d = Assert.Single(r.Errors);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains(message, d.Message);
    }
}

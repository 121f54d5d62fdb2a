using Litmus.Checking.Barriers;
using Litmus.Models;

namespace Litmus.Checking.Tests;

/// <summary>
/// <c>litmus barriers</c>: the pairings the kernel's membarrier.c comment states come out of the kernel-impl
/// scenarios, the pairing table's weakest partners come out of its shapes, and the read side of the bundled
/// algorithms needs its barrier() and nothing stronger.
/// </summary>
public class BarrierAnalysisTests
{
    private static readonly Lazy<LitmusChecker> Checker = new(() => LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel), new CheckOptions()));

    private static BarrierReport Analyse(string path)
    {
        lock (Checker) return new BarrierAnalysis(Checker.Value).Analyse(path);
    }

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"barriers-{Guid.NewGuid():N}.litmus");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The label in the comment on a primitive's line: "/* (a) */" gives "(a)".</summary>
    private static string Label(BarrierReport r, SiteReport s)
    {
        var line = File.ReadAllLines(r.Path)[s.Site.Span.Line - 1];
        var at = line.IndexOf("/* (", StringComparison.Ordinal);
        return at < 0 ? s.Site.Where : line[(at + 3)..(line.IndexOf(')', at) + 1)];
    }

    /// <summary>Scenario (test) and the barriers membarrier.c calls necessary in it; every other one is redundant.</summary>
    [Theory]
    [InlineData("A+ipi-before-user", "(a) (ipi-mb)")]              // A: (a) before the IPI-induced mb
    [InlineData("B+ipi-after-user", "(c) (ipi-mb)")]               // B: (c) after it
    [InlineData("C-A+kthread-switch", "(a) (e)")]                  // C: "(a) needs to be paired with (e)"
    [InlineData("C-B+kthread-switch", "(c) (d)")]                  // C: "(c) needs to be paired with (d)"
    [InlineData("D+exit-mm", "(c) (d)")]                           // D: "(c) needs to be paired with (d)"
    [InlineData("E-A+kthread-use-mm", "(a) (g)")]                  // E: "(a) needs to be paired with (g)"
    [InlineData("E-B+kthread-unuse-mm", "(c) (d)")]                // E: "(c) needs to be paired with (d)"
    public void The_kernel_comments_pairings_are_the_necessary_barriers(string test, string necessary)
    {
        var r = Analyse(Path.Combine(RepoPaths.Membarrier, "kernel-impl", test + ".litmus"));
        Assert.Empty(r.Errors);
        Assert.Equal("Never", r.Verdict);
        Assert.Equal(necessary, string.Join(" ", r.Sites.Where(s => s.Necessary).Select(s => Label(r, s))));
        // The weakest overall keeps exactly the necessary ones (in some form) and removes the rest.
        Assert.All(r.WeakestOverall, w => Assert.Equal(r.Sites[w.Site.Index].Necessary, w.Form.Rank != 0));
    }

    private const string Sb = """
        C SB+membarrier+barrier{0}
        {{}}
        P0(int *x, int *y) {{ int r0; WRITE_ONCE(*x, 1); sys_membarrier(); r0 = READ_ONCE(*y); }}
        P1(int *x, int *y) {{ int r1; {1} barrier(); {2} }}
        exists (0:r0=0 /\ 1:r1=0)
        """;

    [Fact]
    public void Opposite_sys_membarrier_marked_accesses_need_nothing()
    {
        var r = Analyse(Temp(string.Format(Sb, "-marked", "WRITE_ONCE(*y, 1);", "r1 = READ_ONCE(*x);")));
        var partner = Assert.Single(r.Sites, s => s.Site.Thread == 1);
        Assert.False(partner.Necessary);
        Assert.Equal([BarrierForm.Nothing], partner.Weakest);
    }

    [Fact]
    public void Opposite_sys_membarrier_plain_accesses_need_barrier_and_nothing_more()
    {
        var r = Analyse(Temp(string.Format(Sb, "-plain", "*y = 1;", "r1 = *x;")));
        var partner = Assert.Single(r.Sites, s => s.Site.Thread == 1);
        Assert.True(partner.Necessary);
        Assert.Equal("barrier()", Assert.Single(partner.Weakest).Name);
        // And the call itself can be no weaker: opposite barrier(), smp_mb() is not enough.
        var call = Assert.Single(r.Sites, s => s.Site.Thread == 0);
        Assert.Equal("sys_membarrier()", Assert.Single(call.Weakest).Name);
    }

    [Fact]
    public void Opposite_smp_mb_in_SB_the_partner_is_smp_mb()
    {
        var r = Analyse(Path.Combine(RepoPaths.LitmusTests, "sb", "SB+mbs.litmus"));
        Assert.Equal(2, r.Sites.Count);
        Assert.All(r.Sites, s => Assert.Equal("smp_mb()", Assert.Single(s.Weakest).Name));
    }

    [Theory]
    [InlineData("URCU-memb")]
    [InlineData("BiasedLock+dekker-barrier-plain")]
    public void The_read_sides_barrier_is_necessary_and_can_be_no_weaker(string test)
    {
        var r = Analyse(Path.Combine(RepoPaths.Membarrier, "algorithms", test + ".litmus"));
        Assert.Empty(r.Errors);
        var reader = r.Sites.Where(s => s.Site.Thread == 0 && s.Site.Form.Name == "barrier()").ToList();
        Assert.Contains(reader, s => s.Necessary && s.Weakest.Single().Name == "barrier()");
    }

    [Fact]
    public void Acquire_and_release_weaken_to_marked_accesses()
    {
        var r = Analyse(Temp("""
            C MP+rel+acq
            {}
            P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_store_release(y, 1); }
            P1(int *x, int *y) { int r0; int r1; r0 = smp_load_acquire(y); r1 = READ_ONCE(*x); }
            exists (1:r0=1 /\ 1:r1=0)
            """));
        Assert.Empty(r.Errors);
        Assert.Equal(2, r.Sites.Count);
        Assert.All(r.Sites, s => Assert.True(s.Necessary));
        Assert.Equal(["WRITE_ONCE", "READ_ONCE"], r.Sites.Select(s => s.Alternatives.Single().Form.Name));
    }
}

/// <summary>
/// <c>litmus barriers</c> on C11 tests under rc11+membarrier: membarrier() weakens to C11 fences, fences and memory
/// orders are primitives too. Only the verdict counts, not RC11's *undef* flag (the second membarrier() of
/// URCU-memb comes out redundant: without it the outcome stays Never, though the free then races).
/// </summary>
public class C11BarrierAnalysisTests
{
    private static readonly Lazy<LitmusChecker> Checker = new(() => LitmusChecker.Create(ModelLoader.Load("rc11+membarrier"), new CheckOptions()));

    private static BarrierReport Analyse(string path)
    {
        lock (Checker) return new BarrierAnalysis(Checker.Value).Analyse(path);
    }

    [Fact]
    public void The_memb_updaters_first_membarrier_can_be_no_weaker_and_the_readers_compiler_barriers_go()
    {
        var r = Analyse(Path.Combine(RepoPaths.C11, "algorithms", "URCU-memb.litmus"));
        Assert.Empty(r.Errors);
        Assert.Equal("Never", r.Verdict);
        var summary = r.Sites.Select(s => $"{s.Site.Form.Name}:{(s.Necessary ? "necessary" : "redundant")}");
        Assert.Equal(
            "atomic_signal_fence():redundant atomic_load_explicit(acquire):necessary atomic_signal_fence():redundant " +
            "atomic_store_explicit(release):necessary membarrier():necessary membarrier():redundant", string.Join(" ", summary));
        var first = r.Sites.First(s => s.Site.Form.Name == "membarrier()");
        Assert.All(first.Alternatives, a => Assert.Equal("Sometimes", a.Verdict));
        Assert.Equal(["atomic_thread_fence(memory_order_seq_cst)", "atomic_signal_fence(memory_order_seq_cst)", "nothing"], first.Alternatives.Select(a => a.Form.Name));
    }

    [Fact]
    public void Seq_cst_fences_in_SB_need_each_other()
    {
        var r = Analyse(Path.Combine(RepoPaths.C11, "SB+fencescs.litmus"));
        Assert.Empty(r.Errors);
        Assert.All(r.Sites, s => Assert.True(s.Necessary));
        Assert.All(r.Sites, s => Assert.Equal("atomic_thread_fence(memory_order_seq_cst)", Assert.Single(s.Weakest).Name));
    }
}

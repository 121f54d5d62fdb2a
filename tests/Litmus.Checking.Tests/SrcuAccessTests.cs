using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// srcu_read_lock() is a read of the srcu_struct and srcu_read_unlock() a write of the index back to it, as in the
/// kernel's linux-kernel.def: the index is the value read (0 unless some unlock stored another), each lock has rf
/// choices of its own, and each unlock a place in co. Each expectation is herd7 7.58's verdict, Positive, Negative,
/// States and flags on the same test under the kernel's linux-kernel.cfg; every engine must give them.
/// </summary>
public class SrcuAccessTests
{
    private const string Header = "C srcu\n{}\n";

    [Theory]
    // Two readers of one srcu_struct: each lock may read the other's unlock (4 rf/co choices behind each state).
    [InlineData("P0(int *x, struct srcu_struct *s) { int r1; int r2; r1 = srcu_read_lock(s); r2 = READ_ONCE(*x); srcu_read_unlock(s, r1); }\n"
        + "P1(int *x, struct srcu_struct *s) { int r1; r1 = srcu_read_lock(s); WRITE_ONCE(*x, 1); srcu_read_unlock(s, r1); }\nexists (0:r2=1)",
        "Sometimes", 4, 4, 2, "")]
    // Overlapping sections whose indices the final state lists: always 0, as herd shows them (C-srcu-nest-7's shape).
    [InlineData("P0(int *x, struct srcu_struct *s) { int r1; int r2; r1 = srcu_read_lock(s); WRITE_ONCE(*x, 1); r2 = srcu_read_lock(s); srcu_read_unlock(s, r1); srcu_read_unlock(s, r2); }\n"
        + "P1(int *x, struct srcu_struct *s) { int r1; int r3; r3 = srcu_read_lock(s); srcu_read_unlock(s, r3); r1 = READ_ONCE(*x); }\n"
        + "locations [0:r1;0:r2;1:r3]\nexists (1:r1=1)", "Sometimes", 8, 8, 2, "")]
    // The index handed to another thread through memory: where P1 reads x's initial 0 instead, its unlock matches no lock.
    [InlineData("P0(int *x, int *y, struct srcu_struct *s) { int r1; r1 = srcu_down_read(s); WRITE_ONCE(*x, r1); WRITE_ONCE(*y, 1); }\n"
        + "P1(int *x, int *y, struct srcu_struct *s) { int r1; int r2; r2 = READ_ONCE(*y); r1 = READ_ONCE(*x); srcu_up_read(s, r1); }\n"
        + "P2(int *y, struct srcu_struct *s) { synchronize_srcu(s); WRITE_ONCE(*y, 2); }\nlocations [1:r1]\nexists (1:r2=1 /\\ y=1)",
        "Sometimes", 3, 15, 6, "unmatched-srcu-lock unmatched-srcu-unlock")]
    // Sections with a write after them on each side (load buffering through two readers).
    [InlineData("P0(int *x, int *y, struct srcu_struct *s) { int r1; int r2; r1 = srcu_read_lock(s); r2 = READ_ONCE(*x); srcu_read_unlock(s, r1); WRITE_ONCE(*y, 1); }\n"
        + "P1(int *x, int *y, struct srcu_struct *s) { int r1; int r2; r2 = READ_ONCE(*y); r1 = srcu_read_lock(s); WRITE_ONCE(*x, 1); srcu_read_unlock(s, r1); }\n"
        + "exists (0:r2=1 /\\ 1:r2=1)", "Sometimes", 4, 12, 4, "")]
    public void Srcu_calls_are_accesses_of_the_srcu_struct(string threads, string verdict, long positive, long negative, int states, string flags)
    {
        var test = LitmusParser.Parse(Header + threads + "\n", "srcu.litmus");
        foreach (var engine in Enum.GetValues<DecisionEngine>())
        {
            using var checker = LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel),
                new CheckOptions { States = true, CountExecutions = true, Engine = engine });
            var r = checker.Check(test);
            Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors));
            Assert.Equal((verdict, positive, negative, states, flags),
                (r.VerdictWord, r.Executions!.Positive, r.Executions.Negative, r.States!.Count, string.Join(" ", r.Flags.Order(StringComparer.Ordinal))));
            // Every index the state lists is the value srcu_read_lock() read: the srcu_struct only ever holds 0.
            Assert.All(r.States!.SelectMany(s => s.Values).Where(v => v.Name is "0:r2" && threads.Contains("r2 = srcu_read_lock") || v.Name is "1:r3"),
                v => Assert.Equal("0", v.Value));
        }
    }
}

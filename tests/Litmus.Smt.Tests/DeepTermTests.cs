using Litmus.Logic;
using Litmus.Smt.Z3;

namespace Litmus.Smt.Tests;

/// <summary>
/// Dependency chains make terms as deep as a test is long. Translation must not recurse, and Z3's checks (which do
/// recurse, natively) must run on a stack that holds them: 20,000 levels overflow a default 1.5 MB thread stack.
/// xunit's threads are ordinary ones, so these tests take the handoff path of <see cref="SolverThread"/>.
/// </summary>
public sealed class DeepTermTests : SolverTestBase
{
    /// <summary>p0 op1 (p1 op2 (... base)), alternating and/or (one kind alone would be flattened by TermFactory).</summary>
    private Term AndOrChain(int depth)
    {
        var t = F.BoolVar("base");
        for (var i = 0; i < depth; i++) t = i % 2 == 0 ? F.And(F.BoolVar($"p{i}"), t) : F.Or(F.BoolVar($"p{i}"), t);
        return t;
    }

    /// <summary>x_{i+1} = c_i ? x_i : y_i, a value merged at depth joins in a row.</summary>
    private Term IteChain(int depth)
    {
        var x = F.WordVar("x0");
        for (var i = 0; i < depth; i++) x = F.Ite(F.BoolVar($"c{i}"), x, F.WordVar($"y{i}"));
        return x;
    }

    [Fact]
    public void Hundred_thousand_levels_translate()
    {
        const int depth = 100_000;
        var solver = (Z3Solver)Solver;
        Solver.Assert(AndOrChain(depth));
        Solver.Assert(F.Eq(IteChain(depth), F.WordVar("last")));
        Assert.True(solver.TranslatedTerms > 4 * depth);
        // Z3's own check time grows quadratically with the nesting depth (about 40 s here), so no check.
    }

    [Fact]
    public void Formula_too_deep_for_a_default_thread_stack_is_solved() => SolveDeepFormula(20_000, Solver);

    [Fact]
    public void On_a_solver_thread_a_deep_formula_is_checked_in_place()
    {
        Exception? failure = null;
        SolverThread.Start(() =>
        {
            try
            {
                Assert.True(SolverThread.IsCurrent);
                using var solver = SolverFactory.CreateZ3();
                SolveDeepFormula(10_000, solver);
            }
            catch (Exception e) { failure = e; }
        }).Join();
        Assert.False(SolverThread.IsCurrent);
        Assert.Null(failure);
    }

    private void SolveDeepFormula(int depth, ISolver solver)
    {
        var chain = AndOrChain(depth);
        var last = F.WordVar("last");
        solver.Assert(chain);
        solver.Assert(F.Eq(IteChain(depth), last));
        solver.Assert(F.Eq(F.WordVar("x0"), V(-7)));
        Assert.Equal(SolveResult.Sat, solver.Check(F.Not(F.BoolVar($"p{depth - 1}")), F.Eq(last, V(-7))));
        Assert.True(solver.Model.EvalBool(chain));
        Assert.Equal(-7, solver.Model.EvalWord(IteChain(depth)));
    }
}

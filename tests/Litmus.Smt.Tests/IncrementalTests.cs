using Litmus.Logic;

namespace Litmus.Smt.Tests;

public sealed class IncrementalTests : SolverTestBase
{
    [Fact]
    public void Assumptions_do_not_persist()
    {
        var (p, q) = (F.BoolVar("p"), F.BoolVar("q"));
        Solver.Assert(F.Or(p, q));
        Assert.Equal(SolveResult.Unsat, Solver.Check(F.Not(p), F.Not(q)));
        Assert.Equal(SolveResult.Sat, Solver.Check(F.Not(p)));
        Assert.True(Solver.Model.EvalBool(q));
        Assert.Equal(SolveResult.Sat, Solver.Check());
    }

    [Fact]
    public void Assumptions_may_be_compound_formulas()
    {
        var (x, c) = (F.WordVar("x"), F.IntVar("c"));
        Solver.Assert(F.Slt(x, V(10)));
        Assert.Equal(SolveResult.Unsat, Solver.Check(F.And(F.Slt(V(9), x), F.Lt(c, I(0)))));
        Assert.Equal(SolveResult.Sat, Solver.Check(F.Or(F.Eq(x, V(-4)), F.Eq(x, V(40)))));
        Assert.Equal(-4, Solver.Model.EvalWord(x));
    }

    [Fact]
    public void Push_and_pop_scope_assertions()
    {
        var p = F.BoolVar("p");
        Solver.Assert(F.Or(p, F.BoolVar("q")));
        Solver.Push();
        Solver.Assert(F.Not(p));
        Solver.Push();
        Solver.Assert(F.Not(F.BoolVar("q")));
        Assert.Equal(SolveResult.Unsat, Solver.Check());
        Solver.Pop();
        Assert.Equal(SolveResult.Sat, Solver.Check());
        Assert.False(Solver.Model.EvalBool(p));
        Solver.Pop();
        Assert.Equal(SolveResult.Sat, Solver.Check(p));
        Assert.Throws<InvalidOperationException>(Solver.Pop);
    }

    [Fact]
    public void Reset_forgets_assertions_and_scopes()
    {
        Solver.Push();
        Solver.Assert(F.False);
        Assert.Equal(SolveResult.Unsat, Solver.Check());
        Solver.Reset();
        Assert.Equal(SolveResult.Sat, Solver.Check());
        Assert.Throws<InvalidOperationException>(Solver.Pop);
    }

    [Fact]
    public void Terms_of_successive_factories_are_translated_afresh_after_reset()
    {
        // Both factories number their terms alike, so same ids would mean the same memo slot if keyed by id.
        for (var round = 0; round < 3; round++)
        {
            var f = new TermFactory();
            var x = f.WordVar("x");
            Solver.Reset();
            Solver.Assert(f.Eq(x, f.WordConst(round)));
            Assert.Equal(SolveResult.Sat, Solver.Check());
            Assert.Equal(round, Solver.Model.EvalWord(x));
        }
    }

    [Fact]
    public void Non_bool_assertions_and_use_after_dispose_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Solver.Assert(F.WordVar("x")));
        Assert.Throws<ArgumentException>(() => Solver.Check(F.IntVar("c")));
        var other = SolverFactory.CreateZ3();
        other.Dispose();
        other.Dispose();
        Assert.Throws<ObjectDisposedException>(() => other.Check());
    }
}

namespace Litmus.Smt.Tests;

public sealed class BoolAndIntOperatorTests : SolverTestBase
{
    [Fact]
    public void Boolean_connectives()
    {
        var (p, q) = (F.BoolVar("p"), F.BoolVar("q"));
        Assert.Equal(SolveResult.Sat, CheckAlone(F.And(p, q)));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.And(p, F.Not(p))));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.And(F.Or(p, q), F.Not(p), F.Not(q))));
        Assert.True(IsValid(F.Iff(F.Not(F.And(p, q)), F.Or(F.Not(p), F.Not(q)))));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.And(F.Iff(p, q), p, F.Not(q))));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.False));
        Assert.Equal(SolveResult.Sat, CheckAlone(F.True));
    }

    [Fact]
    public void Ite_of_each_sort()
    {
        var (c, p, q) = (F.BoolVar("c"), F.BoolVar("p"), F.BoolVar("q"));
        var boolIte = F.Ite(c, p, q);
        Assert.Equal(Litmus.Logic.Op.Ite, boolIte.Op);
        Assert.True(IsValid(F.Implies(F.And(c, p), boolIte)));
        Assert.True(IsValid(F.Implies(F.And(F.Not(c), F.Not(q)), F.Not(boolIte))));

        var (x, y) = (F.WordVar("x"), F.WordVar("y"));
        Assert.True(IsValid(F.Implies(F.And(F.Not(c), F.Eq(y, V(-2))), F.Eq(F.Ite(c, x, y), V(-2)))));

        var (i, j) = (F.IntVar("i"), F.IntVar("j"));
        Assert.True(IsValid(F.Implies(c, F.Eq(F.Ite(c, i, j), i))));
    }

    [Fact]
    public void Int_comparisons_are_on_unbounded_integers()
    {
        var (a, b, c) = (F.IntVar("a"), F.IntVar("b"), F.IntVar("c"));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.And(F.Lt(a, b), F.Lt(b, c), F.Lt(c, a)))); // a clock cycle
        Assert.Equal(SolveResult.Sat, CheckAlone(F.And(F.Le(a, b), F.Le(b, a))));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.And(F.Le(a, b), F.Le(b, a), F.Not(F.Eq(a, b)))));
        // No wrap-around: above long.MaxValue is still greater.
        Assert.Equal(SolveResult.Sat, CheckAlone(F.Lt(I(long.MaxValue), a)));
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.And(F.Lt(I(0), a), F.Lt(a, I(1)))));
    }

    [Fact]
    public void Variables_are_identified_by_name_and_sort()
    {
        var other = new Litmus.Logic.TermFactory();
        Solver.Assert(F.Eq(F.WordVar("x"), V(5)));
        Solver.Assert(other.Eq(other.WordVar("x"), other.WordConst(6))); // same Z3 constant: contradiction
        Assert.Equal(SolveResult.Unsat, Solver.Check());

        Solver.Reset();
        Solver.Assert(F.Eq(F.WordVar("x"), V(5)));
        Solver.Assert(F.Eq(F.IntVar("x"), I(6))); // same name, other sort: another constant
        Assert.Equal(SolveResult.Sat, Solver.Check());
    }
}

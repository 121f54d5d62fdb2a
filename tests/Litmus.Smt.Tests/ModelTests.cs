using Litmus.Logic;
namespace Litmus.Smt.Tests;

public sealed class ModelTests : SolverTestBase
{
    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(-1)]
    [InlineData(-123456789012)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Value_round_trips_as_a_signed_word(long v)
    {
        var x = F.WordVar("x");
        Assert.Equal(SolveResult.Sat, CheckAlone(F.Eq(x, V(v))));
        Assert.Equal(v, Solver.Model.EvalWord(x));
        Assert.Equal(unchecked(v + 1), Solver.Model.EvalWord(F.Binary(Op.Add, x, V(1))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Int_round_trips(long v)
    {
        var c = F.IntVar("c");
        Assert.Equal(SolveResult.Sat, CheckAlone(F.Eq(c, I(v))));
        Assert.Equal(v, Solver.Model.EvalInt(c));
    }

    [Fact]
    public void Int_outside_64_bits_is_an_overflow_not_a_wrong_number()
    {
        var c = F.IntVar("c");
        Assert.Equal(SolveResult.Sat, CheckAlone(F.Lt(I(long.MaxValue), c)));
        Assert.Throws<OverflowException>(() => Solver.Model.EvalInt(c));
    }

    [Fact]
    public void Bools_and_derived_terms_are_evaluated()
    {
        var (p, q) = (F.BoolVar("p"), F.BoolVar("q"));
        var (a, b) = (F.IntVar("a"), F.IntVar("b"));
        Assert.Equal(SolveResult.Sat, CheckAlone(F.And(p, F.Not(q), F.Lt(a, b), F.Lt(b, I(0)))));
        var model = Solver.Model;
        Assert.True(model.EvalBool(p));
        Assert.False(model.EvalBool(q));
        Assert.True(model.EvalBool(F.Or(p, q)));
        Assert.True(model.EvalInt(a) < model.EvalInt(b));
        Assert.True(model.EvalInt(b) < 0);
    }

    [Fact]
    public void Unconstrained_terms_get_a_value_by_model_completion()
    {
        Assert.Equal(SolveResult.Sat, CheckAlone(F.BoolVar("p")));
        var model = Solver.Model;
        _ = model.EvalBool(F.BoolVar("never-asserted"));
        var y = F.WordVar("y");
        Assert.Equal(model.EvalWord(y), model.EvalWord(y));
        Assert.Equal(0, model.EvalWord(F.Binary(Op.Sub, y, F.WordVar("y2"))) - (model.EvalWord(y) - model.EvalWord(F.WordVar("y2"))));
    }

    [Fact]
    public void Evaluating_the_wrong_sort_is_rejected()
    {
        Assert.Equal(SolveResult.Sat, CheckAlone(F.BoolVar("p")));
        Assert.Throws<ArgumentException>(() => Solver.Model.EvalWord(F.BoolVar("p")));
        Assert.Throws<ArgumentException>(() => Solver.Model.EvalInt(F.WordVar("x")));
    }

    [Fact]
    public void Model_is_only_available_after_sat()
    {
        Assert.Throws<InvalidOperationException>(() => Solver.Model);
        Assert.Equal(SolveResult.Unsat, CheckAlone(F.False));
        Assert.Throws<InvalidOperationException>(() => Solver.Model);
    }

    [Fact]
    public void Model_is_invalidated_by_every_state_change()
    {
        var p = F.BoolVar("p");
        Action[] changes = [() => Solver.Assert(F.True), () => Solver.Check(), Solver.Push, Solver.Reset];
        foreach (var change in changes)
        {
            Solver.Reset();
            Solver.Push();
            Solver.Assert(p);
            Assert.Equal(SolveResult.Sat, Solver.Check());
            var model = Solver.Model;
            Assert.Same(model, Solver.Model);
            change();
            Assert.Throws<InvalidOperationException>(() => model.EvalBool(p));
        }

        Solver.Reset();
        Solver.Push();
        Assert.Equal(SolveResult.Sat, Solver.Check(p));
        var beforePop = Solver.Model;
        Solver.Pop();
        Assert.Throws<InvalidOperationException>(() => beforePop.EvalBool(p));
        Assert.Throws<InvalidOperationException>(() => Solver.Model);
    }
}

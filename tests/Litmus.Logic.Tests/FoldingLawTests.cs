using CsCheck;
using Litmus.Smt;

namespace Litmus.Logic.Tests;

/// <summary>
/// The factory's constructors fold constants and simplify as they build (<see cref="TermFactory"/>); that folding
/// is the static analysis that keeps impossible edges from the solver, so a wrong law silently changes verdicts.
/// Each law is checked against Z3 on random expressions: the expression built as written (folded) must equal the
/// same expression built with every leaf occurrence replaced by a fresh variable (so nothing folds), given that
/// each fresh variable equals the leaf it replaces. Z3 is the reference for the operators' meaning (64-bit
/// two's-complement words, division by zero, shifts past the width).
/// </summary>
public sealed class FoldingLawTests : IDisposable
{
    private readonly ISolver _solver = SolverFactory.CreateZ3();

    /// <summary>
    /// Random 64-bit products and quotients can make an equivalence hard for Z3 (a CI run spent over ten minutes on
    /// one), so each random case gets a time limit; a case Z3 cannot decide in it is counted, not passed, and only a
    /// few may be.
    /// </summary>
    private static readonly TimeSpan RandomCaseLimit = TimeSpan.FromSeconds(2);
    private const int MostUndecided = 10;
    private int _undecided;

    public void Dispose() => _solver.Dispose();

    [Theory]
    [InlineData(Sort.Bool)]
    [InlineData(Sort.Word)]
    [InlineData(Sort.Int)]
    public void Folded_terms_equal_their_unfolded_form(Sort sort)
    {
        // One solver, so one thread; each expression is at most 4 levels deep.
        _solver.Timeout = RandomCaseLimit;
        ExprGen.Of(sort, 4).Sample(e => Assert.True(Equivalent(e, mayGiveUp: true), $"folding changed the meaning of {e}"), iter: 300, threads: 1);
        Assert.True(_undecided <= MostUndecided, $"Z3 decided too few cases: {_undecided} of 300 undecided");
    }

    [Fact]
    public void Known_laws_hold_on_hand_picked_cases()
    {
        // The cases where C# and the solver differ unless the factory takes care: division by zero and of
        // MinValue by -1, shifts by 64 or by a negative amount, and the structural laws.
        var x = new Leaf(Sort.Word, "x0", 0);
        Expr V(long v) => new Leaf(Sort.Word, null, v);
        Expr P(string v) => new Leaf(Sort.Bool, v, 0);
        Expr[] cases =
        [
            new Node(Sort.Word, "/", [V(5), V(0)]), new Node(Sort.Word, "%", [V(5), V(0)]),
            new Node(Sort.Word, "/", [V(long.MinValue), V(-1)]), new Node(Sort.Word, "%", [V(long.MinValue), V(-1)]),
            new Node(Sort.Word, "<<", [V(1), V(64)]), new Node(Sort.Word, ">>", [V(-8), V(64)]), new Node(Sort.Word, ">>", [V(-8), V(-1)]),
            new Node(Sort.Word, "neg", [V(long.MinValue)]), new Node(Sort.Word, "*", [V(long.MaxValue), V(2)]),
            new Node(Sort.Bool, "and", [P("p0"), new Node(Sort.Bool, "not", [P("p0")]), P("p1")]),
            new Node(Sort.Bool, "eq", [new Node(Sort.Word, "ite", [P("p0"), V(1), V(2)]), V(2)]),
            new Node(Sort.Bool, "sle", [x, x]), new Node(Sort.Bool, "slt", [x, x]),
        ];
        foreach (var e in cases) Assert.True(Equivalent(e), $"folding changed the meaning of {e}");
    }

    private bool Equivalent(Expr e, bool mayGiveUp = false)
    {
        var f = new TermFactory();
        var folded = ExprGen.Build(f, e, l => ExprGen.Plain(f, l));
        var hidden = new List<Term>();
        var n = 0;
        var unfolded = ExprGen.Build(f, e, l =>
        {
            var fresh = ExprGen.Fresh(f, l.Sort, $"h{n++}");
            hidden.Add(f.Eq(fresh, ExprGen.Plain(f, l)));
            return fresh;
        });
        _solver.Reset();
        foreach (var h in hidden) _solver.Assert(h);
        _solver.Assert(f.Not(f.Eq(folded, unfolded)));
        var result = _solver.Check();
        if (result == SolveResult.Unknown && mayGiveUp)
        {
            _undecided++;
            return true;
        }
        Assert.NotEqual(SolveResult.Unknown, result);
        return result == SolveResult.Unsat;
    }
}

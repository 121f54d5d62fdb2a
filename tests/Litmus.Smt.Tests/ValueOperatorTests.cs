using Litmus.Logic;

namespace Litmus.Smt.Tests;

/// <summary>
/// Each value operator computed by Z3 on variables constrained to constants, so nothing is folded by TermFactory.
/// Expected results are C's on 64-bit two's-complement words.
/// </summary>
public sealed class ValueOperatorTests : SolverTestBase
{
    [Theory]
    [InlineData("+", 5, 7, 12)]
    [InlineData("+", long.MaxValue, 1, long.MinValue)] // wraps
    [InlineData("-", 3, 10, -7)]
    [InlineData("-", long.MinValue, 1, long.MaxValue)]
    [InlineData("*", -4, 6, -24)]
    [InlineData("*", 1L << 62, 4, 0)]
    [InlineData("/", 7, 2, 3)]
    [InlineData("/", 7, -2, -3)] // truncates toward zero
    [InlineData("/", -7, 2, -3)]
    [InlineData("/", -7, -2, 3)]
    [InlineData("/", long.MinValue, -1, long.MinValue)]
    [InlineData("/", 5, 0, 0)] // as TermFactory folds it
    [InlineData("/", -5, 0, 0)]
    [InlineData("%", 7, -2, 1)] // sign of the dividend
    [InlineData("%", -7, 2, -1)]
    [InlineData("%", -7, -2, -1)]
    [InlineData("%", 5, 0, 5)]
    [InlineData("%", long.MinValue, -1, 0)]
    [InlineData("&", 0b1100, 0b1010, 0b1000)]
    [InlineData("|", 0b1100, 0b1010, 0b1110)]
    [InlineData("^", 0b1100, 0b1010, 0b0110)]
    [InlineData("&~", 0b1100, 0b1010, 0b0100)]
    [InlineData("<<", 1, 63, long.MinValue)]
    [InlineData("<<", 3, 64, 0)]
    [InlineData("<<", 3, -1, 0)]
    [InlineData(">>", -16, 2, -4)] // arithmetic: sign fill
    [InlineData(">>", long.MinValue, 63, -1)]
    [InlineData(">>", 16, 2, 4)]
    [InlineData(">>", -16, 64, -1)]
    [InlineData(">>", 16, 100, 0)]
    [InlineData("<", -1, 0, 1)] // signed comparison: -1 is not 2^64-1
    [InlineData("<", 0, -1, 0)]
    [InlineData("<=", long.MinValue, long.MaxValue, 1)]
    [InlineData(">", long.MaxValue, long.MinValue, 1)]
    [InlineData(">=", -3, -3, 1)]
    [InlineData("==", -3, -3, 1)]
    [InlineData("!=", -3, -3, 0)]
    [InlineData("&&", 2, 0, 0)]
    [InlineData("||", 2, 0, 1)]
    public void Binary_operator_has_c_semantics_on_64_bit_words(string op, long x, long y, long expected)
    {
        var (a, b) = (F.WordVar("a"), F.WordVar("b"));
        var computed = COperators.Binary(F, op, a, b);
        Assert.NotEqual(Op.WordConst, computed.Op);
        var inputs = F.And(F.Eq(a, V(x)), F.Eq(b, V(y)));

        Assert.True(IsValid(F.Implies(inputs, F.Eq(computed, V(expected)))));
        Assert.Equal(SolveResult.Sat, CheckAlone(F.And(inputs, F.Eq(computed, V(expected)))));
        Assert.Equal(expected, Solver.Model.EvalWord(computed));
    }

    [Theory]
    [InlineData("-", 5, -5)]
    [InlineData("-", long.MinValue, long.MinValue)]
    [InlineData("~", 0, -1)]
    [InlineData("~", long.MaxValue, long.MinValue)]
    [InlineData("!", 0, 1)]
    [InlineData("!", -9, 0)]
    public void Unary_operator_has_c_semantics(string op, long x, long expected)
    {
        var a = F.WordVar("a");
        var computed = COperators.Unary(F, op, a);
        Assert.True(IsValid(F.Implies(F.Eq(a, V(x)), F.Eq(computed, V(expected)))));
    }

    /// <summary>The solver must agree with TermFactory's constant folding, or folded and unfolded paths would disagree.</summary>
    [Fact]
    public void Solver_agrees_with_constant_folding_on_a_grid_of_edge_values()
    {
        long[] samples = [0, 1, -1, 2, -3, 63, 64, 7, long.MaxValue, long.MinValue];
        string[] ops = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "<", "<=", "=="];
        var (a, b, result) = (F.WordVar("a"), F.WordVar("b"), F.WordVar("result"));
        foreach (var op in ops)
        {
            // Asserted once, so Z3 bit-blasts the operator once; the inputs come in as assumptions.
            Solver.Reset();
            Solver.Assert(F.Eq(result, COperators.Binary(F, op, a, b)));
            foreach (var x in samples)
                foreach (var y in samples)
                {
                    if (op is "/" or "%" && x == long.MinValue && y == -1) continue; // C# folding throws; covered above
                    var folded = COperators.Binary(F, op, V(x), V(y));
                    Assert.Equal(Op.WordConst, folded.Op);
                    var answer = Solver.Check(F.Eq(a, V(x)), F.Eq(b, V(y)), F.Ne(result, folded));
                    Assert.True(answer == SolveResult.Unsat, $"{x} {op} {y} should be {folded.Number}");
                }
        }
    }
}

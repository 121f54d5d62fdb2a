using CsCheck;
using Litmus.Events;
using Litmus.Logic;
using Litmus.Models;
using Litmus.Models.Tests;
using Litmus.Smt;
using Litmus.Syntax;

namespace Litmus.Encoding.Tests;

using SymSetOrRel = SetOrRel<SymSet, SymRel>;

/// <summary>
/// The symbolic algebra against the explicit one (tests/Litmus.Models.Tests) on random relations. A random
/// relation over K events has, per pair, no edge, an edge that always holds, or an edge guarded by its own Bool
/// variable; a random assignment of those variables makes it one explicit relation. Whatever the symbolic
/// algebra builds (terms, fresh variables, definitions) must, under that assignment, give what the explicit
/// algebra computes: the exact closure and the rank-encoded least fixpoint exactly, and the lower-bound
/// closure and the pre-fixpoint at least the explicit result, with the explicit result itself allowed.
/// </summary>
public sealed class ClosureAgainstExplicitTests : IDisposable
{
    private const int K = 5;
    private readonly ISolver _solver = SolverFactory.CreateZ3();

    public void Dispose() => _solver.Dispose();

    /// <summary>Per pair: 0-5 no edge, 6 always, 7-9 guarded; and the value of each guard.</summary>
    private static readonly Gen<(int[] Kinds, bool[] Values)> Relations =
        Gen.Select(Gen.Int[0, 9].Array[K * K], Gen.Bool.Array[K * K]);

    /// <summary>A fresh algebra over a small test with more than K events (the relations use the first K).</summary>
    private static (SymbolicAlgebra, TermFactory) NewAlgebra()
    {
        const string source = """
            C T
            {}
            P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }
            P1(int *x, int *y) { WRITE_ONCE(*y, 2); WRITE_ONCE(*x, 2); }
            exists (x=1)
            """;
        var macros = new MacroTable([MacroParser.Parse("WRITE_ONCE(X,V) { __store{once}(X,V); }", "w.def")]);
        var program = ProgramBuilder.Build(LitmusParser.Parse(source, "T.litmus"), macros);
        return (new SymbolicAlgebra(new ExecutionRelations(program)), program.Terms);
    }

    private sealed record Case(SymbolicAlgebra Algebra, TermFactory F, SymRel Symbolic, ERel Explicit, List<Term> Assignment);

    private static Case Make(int[] kinds, bool[] values)
    {
        var (algebra, f) = NewAlgebra();
        var r = new SymRel(algebra.EmptyRelation.Size);
        var pairs = new List<(int, int)>();
        var assignment = new List<Term>();
        for (var a = 0; a < K; a++)
            for (var b = 0; b < K; b++)
            {
                var i = a * K + b;
                if (kinds[i] == 6) { r.Set(a, b, f.True); pairs.Add((a, b)); }
                else if (kinds[i] >= 7)
                {
                    var v = f.BoolVar($"e_{a}_{b}");
                    r.Set(a, b, v);
                    assignment.Add(values[i] ? v : f.Not(v));
                    if (values[i]) pairs.Add((a, b));
                }
            }
        return new Case(algebra, f, r, new ERel(pairs), assignment);
    }

    private static ERel ExplicitPlus(ERel r) => new ExplicitAlgebra(K, new()).Plus(r);

    /// <summary>Under the assignment and the definitions, is every listed term forced to its listed truth value?</summary>
    private bool Forced(Case c, IEnumerable<(Term Term, bool Expected)> facts)
    {
        var f = c.F;
        var violations = facts.Select(x => x.Expected ? f.Not(x.Term) : x.Term).ToList();
        _solver.Reset();
        foreach (var d in c.Algebra.Constraints.Definitions) _solver.Assert(d);
        foreach (var a in c.Assignment) _solver.Assert(a);
        _solver.Assert(f.Or(violations));
        var result = _solver.Check();
        Assert.NotEqual(SolveResult.Unknown, result);
        return result == SolveResult.Unsat;
    }

    /// <summary>Under the assignment and the definitions, can the terms all take the listed truth values at once?</summary>
    private bool Possible(Case c, IEnumerable<(Term Term, bool Expected)> facts)
    {
        var f = c.F;
        _solver.Reset();
        foreach (var d in c.Algebra.Constraints.Definitions) _solver.Assert(d);
        foreach (var a in c.Assignment) _solver.Assert(a);
        foreach (var (t, e) in facts) _solver.Assert(e ? t : f.Not(t));
        var result = _solver.Check();
        Assert.NotEqual(SolveResult.Unknown, result);
        return result == SolveResult.Sat;
    }

    private static IEnumerable<(Term, bool)> AllPairs(Case c, SymRel result, ERel expected) =>
        from a in Enumerable.Range(0, K)
        from b in Enumerable.Range(0, K)
        select (result.Get(a, b) ?? c.F.False, expected.Pairs.Contains((a, b)));

    [Fact]
    public void The_exact_closure_is_the_explicit_closure() =>
        Relations.Sample((kinds, values) =>
        {
            var c = Make(kinds, values);
            var plus = c.Algebra.Plus(c.Symbolic, exact: true);
            Assert.True(Forced(c, AllPairs(c, plus, ExplicitPlus(c.Explicit))), $"r = {c.Explicit}");
        }, iter: 100, threads: 1);

    [Fact]
    public void The_lower_bound_closure_contains_the_closure_and_may_equal_it() =>
        Relations.Sample((kinds, values) =>
        {
            var c = Make(kinds, values);
            var bound = c.Algebra.Plus(c.Symbolic, exact: false);
            var expected = ExplicitPlus(c.Explicit);
            var pairs = AllPairs(c, bound, expected).ToList();
            Assert.True(Forced(c, pairs.Where(p => p.Item2)), $"a pair of r+ is missing, r = {c.Explicit}");
            Assert.True(Possible(c, pairs), $"the bound cannot equal r+, r = {c.Explicit}");
        }, iter: 100, threads: 1);

    /// <summary><c>let rec x = r | (x; r)</c>: exact, the rank encoding must give r+ in every model.</summary>
    [Fact]
    public void The_rank_encoded_least_fixpoint_is_the_explicit_one() =>
        Relations.Sample((kinds, values) =>
        {
            var c = Make(kinds, values);
            var x = Fixpoint(c, exact: true);
            Assert.True(Forced(c, AllPairs(c, x, ExplicitPlus(c.Explicit))), $"r = {c.Explicit}");
        }, iter: 100, threads: 1);

    /// <summary>Without ranks, a pre-fixpoint: it contains the least fixpoint, and may be it.</summary>
    [Fact]
    public void The_pre_fixpoint_contains_the_least_fixpoint_and_may_equal_it() =>
        Relations.Sample((kinds, values) =>
        {
            var c = Make(kinds, values);
            var x = Fixpoint(c, exact: false);
            var pairs = AllPairs(c, x, ExplicitPlus(c.Explicit)).ToList();
            Assert.True(Forced(c, pairs.Where(p => p.Item2)), $"a pair of the fixpoint is missing, r = {c.Explicit}");
            Assert.True(Possible(c, pairs), $"the pre-fixpoint cannot equal the least one, r = {c.Explicit}");
        }, iter: 100, threads: 1);

    private static SymRel Fixpoint(Case c, bool exact)
    {
        var a = c.Algebra;
        var result = a.LeastFixpoint([SymSetOrRel.OfRel(a.EmptyRelation)],
            x => [SymSetOrRel.OfRel(a.Union(c.Symbolic, a.Seq(x[0].Rel, c.Symbolic)))], SourceSpan.None, exact);
        return result[0].Rel;
    }
}

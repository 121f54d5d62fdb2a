using Litmus.Encoding;
using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// Cat semantics checked against herd7 7.58 on tiny models written here (each expectation is herd's answer on
/// the same model and test, as the comment above it says). Models are written to a temporary folder, beside
/// which the bundled cross.cat is found through the search path. Each is decided by the solver and over every
/// candidate execution, and the two must agree before the answer is compared with herd's.
/// </summary>
public class CatSemanticsTests
{
    private static TestResult Check(string model, string test)
    {
        var dir = Directory.CreateTempSubdirectory("litmus-cat-");
        try
        {
            var path = Path.Combine(dir.FullName, "m.cat");
            File.WriteAllText(path, model);
            TestResult Decide(DecisionEngine engine)
            {
                using var checker = LitmusChecker.Create(ModelLoader.Load(path), new CheckOptions { States = true, Engine = engine });
                return checker.Check(LitmusParser.Parse(test, "t.litmus"));
            }
            var bySolver = Decide(DecisionEngine.Solver);
            var byCandidates = Decide(DecisionEngine.Explicit);
            Assert.Equal(
                (bySolver.Verdict, bySolver.Unknown, string.Join("|", bySolver.Flags), string.Join("|", bySolver.Errors), string.Join("|", bySolver.States ?? [])),
                (byCandidates.Verdict, byCandidates.Unknown, string.Join("|", byCandidates.Flags), string.Join("|", byCandidates.Errors), string.Join("|", byCandidates.States ?? [])));
            return bySolver;
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>Reads its own later write (a po;rf cycle) in one execution.</summary>
    private const string ReadOwnLaterWrite = """
        C lb
        {}
        P0(int *x) { int r0 = READ_ONCE(*x); WRITE_ONCE(*x, 1); }
        exists (0:r0=1)
        """;

    private const string TwoThreads = """
        C mp
        {}
        P0(int *x) { WRITE_ONCE(*x, 1); int r0 = READ_ONCE(*x); }
        P1(int *x) { int r1 = READ_ONCE(*x); WRITE_ONCE(*x, 2); }
        exists (0:r0=2)
        """;

    private const string CoFromModel = """
        "co from the model"
        include "cross.cat"
        with co from generate_cos(co0)
        let fr = (rf^-1 ; co) \ id

        """;

    // herd7: "Flag *undef*" and "Undef" (interpreter.ml adds Flag.Undef when the check FAILS).
    [Fact]
    public void Undefined_unless_raises_undef_when_its_check_fails()
    {
        var r = Check("\"m\"\nundefined_unless empty po as U\n", ReadOwnLaterWrite);
        Assert.Equal([SymbolicAlgebra.UndefinedFlag], r.Flags);
    }

    // herd7: no flag.
    [Fact]
    public void Undefined_unless_raises_nothing_when_its_check_holds()
    {
        var r = Check("\"m\"\nundefined_unless empty 0 as U\nundefined_unless ~empty po as V\n", ReadOwnLaterWrite);
        Assert.Empty(r.Flags);
    }

    // herd7 on TwoThreads: Flag *undef*, Flag po-acyclic, Flag po-cycle; not rf-fr-cycle nor po-only-cycle.
    [Fact]
    public void Negated_acyclic_flags_only_real_cycles()
    {
        var r = Check(CoFromModel + """
            flag ~acyclic rf | fr as rf-fr-cycle
            flag ~acyclic po | po^-1 as po-cycle
            flag ~acyclic po as po-only-cycle
            flag acyclic po as po-acyclic
            undefined_unless acyclic po | rf as thin-air
            """, TwoThreads);
        Assert.Equal(["*undef*", "po-acyclic", "po-cycle"], r.Flags.Order(StringComparer.Ordinal));
    }

    // herd7: Always, one state (0:r0=1): the axiom keeps only the execution with a cycle.
    [Fact]
    public void Negated_acyclic_axiom_keeps_exactly_the_cyclic_executions()
    {
        var r = Check("\"m\"\n~acyclic po | rf as has-cycle\n", ReadOwnLaterWrite);
        Assert.Equal(Verdict.Always, r.Verdict);
        Assert.Equal(["0:r0=1;"], r.States!.Select(s => s.ToString()));
    }

    // herd7: "States 0", "Never 0 0": ~acyclic po never holds, so no execution is allowed.
    [Fact]
    public void Negated_acyclic_of_an_acyclic_relation_allows_nothing()
    {
        var r = Check("\"m\"\n~acyclic po as never\n", ReadOwnLaterWrite);
        Assert.True(r.NoExecutions);
    }

    // herd7: Never with states [x]=1;[y]=2 / [x]=2;[y]=1 / [x]=2;[y]=2: co0 ties the final writes to the final state.
    [Fact]
    public void Co_generated_by_the_model_agrees_with_the_final_state()
    {
        var r = Check(CoFromModel + "acyclic po | rf | co | fr as sc\n", """
            C 2+2W
            {}
            P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 2); }
            P1(int *x, int *y) { WRITE_ONCE(*y, 1); WRITE_ONCE(*x, 2); }
            exists (x=1 /\ y=1)
            """);
        Assert.Equal(Verdict.Never, r.Verdict);
        Assert.Equal(3, r.States!.Count);
    }

    // herd7: stops at the first iterate included in the one before (x1 = po, x2 = {} is included): x = {},
    // so "flag ~empty x" is not raised, and "flag ~empty y" (y = po) is.
    [Fact]
    public void A_non_monotone_let_rec_stops_where_herd_stops()
    {
        var r = Check("\"m\"\nlet rec x = po \\ x\nlet y = po\nflag ~empty x as x-nonempty\nflag ~empty y as y-nonempty\n", ReadOwnLaterWrite);
        Assert.Equal(["y-nonempty"], r.Flags);
    }

    // herd7: no flag (x1 = po | rf, then x2 = {} is included in it, in every execution).
    [Fact]
    public void A_non_monotone_let_rec_over_symbolic_relations_stops_where_herd_stops()
    {
        var r = Check("\"m\"\nlet rec x = (po | rf) \\ x\nflag ~empty x as x-nonempty\n", ReadOwnLaterWrite);
        Assert.Empty(r.Flags);
    }
}

using Litmus.Models;

namespace Litmus.Checking.Tests;

/// <summary>
/// Deciding a test over every candidate execution (the model run on each) against deciding it with the solver,
/// on every bundled test under each model its .expect names: the same verdict, flags, states, execution counts and
/// forbidding axioms. Under the bundled models most of these tests are decided by candidates (the last test
/// says how many), so this holds the two engines to each other on hundreds of tests.
/// </summary>
public class ExplicitDecisionTests
{
    private static readonly Dictionary<(string, DecisionEngine, bool, int), LitmusChecker> Checkers = new();

    public static TheoryData<string, string> Cases() => ExplicitListingTests.Cases();

    /// <summary>
    /// With a witness, every candidate is met; without, those uniproc or atomicity forbid are pruned (CandidatePruning).
    /// With <paramref name="shares"/> over 1 (and no witness), the listing is shared out among that many workers
    /// whatever the number of candidates.
    /// </summary>
    private static TestResult Decide(string model, string path, DecisionEngine engine, bool witness = true, int shares = 1)
    {
        LitmusChecker checker;
        lock (Checkers)
        {
            if (!Checkers.TryGetValue((model, engine, witness, shares), out checker!))
                Checkers[(model, engine, witness, shares)] = checker = LitmusChecker.Create(ModelLoader.Load(model), new CheckOptions
                {
                    States = true, CountExecutions = true, Witness = witness, Engine = engine,
                    ListingWorkers = shares, ListingSharedFrom = shares > 1 ? 0 : new CheckOptions().ListingSharedFrom,
                });
        }
        lock (checker) return checker.CheckFile(path);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Candidates_decide_as_the_solver_does(string test, string model)
    {
        var path = Path.Combine(RepoPaths.Root, test);
        var bySolver = Decide(model, path, DecisionEngine.Solver);
        var byCandidates = Decide(model, path, DecisionEngine.Explicit);
        Assert.Equal(DecisionEngine.Solver, bySolver.DecidedBy);
        AssertSameOutcome(bySolver, byCandidates);
        Assert.Equal(bySolver.Ok, byCandidates.Ok);
        Assert.Equal(bySolver.ForbiddenBy, byCandidates.ForbiddenBy);
        Assert.Equal(bySolver.Witness is null, byCandidates.Witness is null);

        // The same without a witness, with the candidates the model's uniproc and atomicity forbid pruned, and so
        // again with the candidates shared out among three workers (each its own encoding; results merged).
        AssertSameOutcome(bySolver, Decide(model, path, DecisionEngine.Explicit, witness: false));
        AssertSameOutcome(bySolver, Decide(model, path, DecisionEngine.Explicit, witness: false, shares: 3));
    }

    private static void AssertSameOutcome(TestResult expected, TestResult actual)
    {
        Assert.Equal(expected.Errors.Select(e => e.ToString()), actual.Errors.Select(e => e.ToString()));
        Assert.Equal(expected.Unknown, actual.Unknown);
        Assert.Equal(expected.Verdict, actual.Verdict);
        Assert.Equal(expected.NoExecutions, actual.NoExecutions);
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.States?.Select(s => s.ToString()), actual.States?.Select(s => s.ToString()));
        Assert.Equal(expected.Executions, actual.Executions);
    }

    /// <summary>
    /// A value that flows in a cycle through a condition (r1 is 1 unless x reads 0; x is written with what y read, and
    /// y with r1): rf does not fix it, so the test is not decided by candidates. An early version built its
    /// candidates anyway and dropped those whose values did not settle, and printed Never where herd7 prints
    /// Sometimes (the corpus's manual/kernel/crypto-control-data.litmus).
    /// </summary>
    [Fact]
    public void A_value_cycle_through_a_condition_is_left_to_the_solver()
    {
        const string text = """
            C crypto-control-data
            {}
            P0(int *x, int *y) { int r1; r1 = 1; if (READ_ONCE(*x) == 0) r1 = 0; WRITE_ONCE(*y, r1); }
            P1(int *x, int *y) { int r2; r2 = READ_ONCE(*y); WRITE_ONCE(*x, r2); }
            exists (0:r1=1)
            """;
        var dir = Directory.CreateTempSubdirectory("litmus-cycle-");
        try
        {
            var path = Path.Combine(dir.FullName, "crypto-control-data.litmus");
            File.WriteAllText(path, text);
            var r = Decide(ModelLoader.DefaultModel, path, DecisionEngine.Explicit);
            Assert.Equal(Verdict.Sometimes, r.Verdict);
            Assert.Equal(DecisionEngine.Solver, r.DecidedBy);
            // herd7's states: each way the branch goes solves the cycle through the constant it writes.
            Assert.Equal(["0:r1=0;", "0:r1=1;"], r.States!.Select(s => s.ToString()));
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>
    /// Two threads that each add one to x: a value may flow from one's write through the other's read and back, so
    /// no order of the values fits every candidate. Each candidate orders them by its own rf; the candidates in
    /// which they do flow in a cycle are forbidden by coherence whatever the values, so the test is still decided
    /// over its candidates, with the solver's verdict, states and counts.
    /// </summary>
    [Fact]
    public void Values_that_may_flow_in_a_cycle_are_ordered_per_candidate()
    {
        const string text = """
            C counter
            {}
            P0(int *x) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); }
            P1(int *x) { int r1; r1 = READ_ONCE(*x); WRITE_ONCE(*x, r1 + 1); }
            exists (x=1)
            """;
        WithFiles(("counter.litmus", text), dir =>
        {
            var path = Path.Combine(dir, "counter.litmus");
            var (byCandidates, bySolver) = (Decide(ModelLoader.DefaultModel, path, DecisionEngine.Explicit, witness: false),
                Decide(ModelLoader.DefaultModel, path, DecisionEngine.Solver, witness: false));
            Assert.Equal((Verdict.Sometimes, DecisionEngine.Explicit), (byCandidates.Verdict, byCandidates.DecidedBy));
            AssertSameOutcome(bySolver, byCandidates);
        });
    }

    /// <summary>
    /// The same cycle under a model that only asks for coherence: the candidate whose values flow in a cycle is
    /// allowed, and whether its equations have a solution (and which) is the solver's to say.
    /// </summary>
    [Fact]
    public void A_candidate_the_model_allows_with_values_in_a_cycle_goes_to_the_solver()
    {
        const string text = """
            C LB+datas
            {}
            P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, r0); }
            P1(int *x, int *y) { int r1; r1 = READ_ONCE(*y); WRITE_ONCE(*x, r1); }
            exists (0:r0=0 /\ 1:r1=0)
            """;
        WithFiles([("LB+datas.litmus", text), ("coherence.cat", "\"coherence only\"\nacyclic po-loc | rf | co | fr as coherence\n")], dir =>
        {
            var (model, path) = (Path.Combine(dir, "coherence.cat"), Path.Combine(dir, "LB+datas.litmus"));
            var (auto, bySolver) = (Decide(model, path, DecisionEngine.Explicit, witness: false), Decide(model, path, DecisionEngine.Solver, witness: false));
            Assert.Equal(DecisionEngine.Solver, auto.DecidedBy);
            AssertSameOutcome(bySolver, auto);
        });
    }

    private static void WithFiles((string Name, string Text) file, Action<string> test) => WithFiles([file], test);

    private static void WithFiles(IEnumerable<(string Name, string Text)> files, Action<string> test)
    {
        var dir = Directory.CreateTempSubdirectory("litmus-explicit-");
        try
        {
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(dir.FullName, name), text);
            test(dir.FullName);
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>
    /// Two spinlocks, two critical sections each: 186,624 candidates, too many to run the model on, but uniproc and
    /// atomicity (stated by the kernel model) leave 16 (each lock's sections in one of two orders). So the test is
    /// decided over its candidates, with the solver's answer.
    /// </summary>
    [Fact]
    public void Spinlock_candidates_are_pruned_by_uniproc_and_atomicity()
    {
        const string text = """
            C 2+2W+locked
            {}
            P0(int *x, int *y, spinlock_t *lx, spinlock_t *ly) { spin_lock(lx); WRITE_ONCE(*x, 2); spin_unlock(lx); spin_lock(ly); WRITE_ONCE(*y, 1); spin_unlock(ly); }
            P1(int *x, int *y, spinlock_t *lx, spinlock_t *ly) { spin_lock(ly); WRITE_ONCE(*y, 2); spin_unlock(ly); spin_lock(lx); WRITE_ONCE(*x, 1); spin_unlock(lx); }
            exists (x=2 /\ y=2)
            """;
        AssertNeverByCandidatesAsBySolver(Litmus.Syntax.LitmusParser.Parse(text, "2+2W+locked.litmus"));
    }

    /// <summary>
    /// Four critical sections under a lock taken with cmpxchg_acquire(), kept by a filter to the executions in which
    /// every cmpxchg succeeds: 24,576 candidates, more than auto runs the model on, but only the 384 whose lock reads
    /// read 0 can pass the filter. They are the ones enumerated, so the test is decided over its candidates, with
    /// the solver's answer (and its listing).
    /// </summary>
    [Fact]
    public void Candidates_the_filter_rules_out_are_not_enumerated()
    {
        static string Thread(int i) =>
            $"P{i}(int *sl, int *x{i}, int *x{(i + 1) % 4}) {{ int r1; int r2; r2 = cmpxchg_acquire(sl, 0, 1); WRITE_ONCE(*x{i}, 1); r1 = READ_ONCE(*x{(i + 1) % 4}); smp_store_release(sl, 0); }}";
        var text = "C SB4+cmpxchg-locks\n{}\n" + string.Join("\n", Enumerable.Range(0, 4).Select(Thread))
            + "\nfilter (0:r2=0 /\\ 1:r2=0 /\\ 2:r2=0 /\\ 3:r2=0)\nexists (0:r1=0 /\\ 1:r1=0 /\\ 2:r1=0 /\\ 3:r1=0)\n";
        AssertNeverByCandidatesAsBySolver(Litmus.Syntax.LitmusParser.Parse(text, "SB4+cmpxchg-locks.litmus"));
    }

    /// <summary>Under auto, the test is Never by its candidates, and its listing by candidates is the solver's.</summary>
    private static void AssertNeverByCandidatesAsBySolver(Litmus.Syntax.Ast.LitmusTest test)
    {
        TestResult Check(DecisionEngine engine, bool states)
        {
            using var checker = LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel),
                new CheckOptions { Engine = engine, States = states, CountExecutions = states });
            return checker.Check(test);
        }
        var verdict = Check(DecisionEngine.Auto, states: false);
        Assert.Equal((Verdict.Never, DecisionEngine.Explicit), (verdict.Verdict, verdict.DecidedBy));
        var (listed, bySolver) = (Check(DecisionEngine.Auto, states: true), Check(DecisionEngine.Solver, states: true));
        Assert.Equal(DecisionEngine.Explicit, listed.DecidedBy);
        AssertSameOutcome(bySolver, listed);
    }

    /// <summary>The comparison above must compare something: most bundled tests are decided by candidates.</summary>
    [Fact]
    public void Most_bundled_tests_are_decided_by_candidates()
    {
        var cases = Cases().Select(c => ((string)c[0], (string)c[1])).ToList();
        var byCandidates = cases.Count(c => Decide(c.Item2, Path.Combine(RepoPaths.Root, c.Item1), DecisionEngine.Explicit).DecidedBy == DecisionEngine.Explicit);
        Assert.True(byCandidates > cases.Count / 2, $"only {byCandidates} of {cases.Count} decided by candidates");
    }
}

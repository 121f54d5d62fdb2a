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
    private static readonly Dictionary<(string, DecisionEngine), LitmusChecker> Checkers = new();

    public static TheoryData<string, string> Cases() => ExplicitListingTests.Cases();

    private static TestResult Decide(string model, string path, DecisionEngine engine)
    {
        LitmusChecker checker;
        lock (Checkers)
        {
            if (!Checkers.TryGetValue((model, engine), out checker!))
                Checkers[(model, engine)] = checker = LitmusChecker.Create(ModelLoader.Load(model), new CheckOptions
                {
                    States = true, CountExecutions = true, Witness = true, Engine = engine,
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
        Assert.Equal(bySolver.Errors.Select(e => e.ToString()), byCandidates.Errors.Select(e => e.ToString()));
        Assert.Equal(bySolver.Unknown, byCandidates.Unknown);
        Assert.Equal(bySolver.Verdict, byCandidates.Verdict);
        Assert.Equal(bySolver.Ok, byCandidates.Ok);
        Assert.Equal(bySolver.NoExecutions, byCandidates.NoExecutions);
        Assert.Equal(bySolver.Flags, byCandidates.Flags);
        Assert.Equal(bySolver.States?.Select(s => s.ToString()), byCandidates.States?.Select(s => s.ToString()));
        Assert.Equal(bySolver.Executions, byCandidates.Executions);
        Assert.Equal(bySolver.ForbiddenBy, byCandidates.ForbiddenBy);
        Assert.Equal(bySolver.Witness is null, byCandidates.Witness is null);
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

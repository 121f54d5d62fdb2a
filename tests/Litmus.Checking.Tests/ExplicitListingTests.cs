using Litmus.Models;

namespace Litmus.Checking.Tests;

/// <summary>
/// The listing by explicit checks against the listing by the solver alone, on every bundled test under each
/// model its .expect names: the same states and the same execution counts. Both runs self-check: every execution
/// the solver returns must pass the explicit check of one execution (the model over bit sets), or the check throws.
/// </summary>
public class ExplicitListingTests
{
    private static readonly Dictionary<(string, bool), LitmusChecker> Checkers = new();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (test, model, _) in GoldenVerdictTests.Cases().Select(c => ((string)c[0], (string)c[1], (string)c[2])))
            if (model != "diagnostic") data.Add(test, model);
        return data;
    }

    private static TestResult List(string model, string path, bool explicitListing)
    {
        LitmusChecker checker;
        lock (Checkers)
        {
            if (!Checkers.TryGetValue((model, explicitListing), out checker!))
                Checkers[(model, explicitListing)] = checker = LitmusChecker.Create(ModelLoader.Load(model), new CheckOptions
                {
                    States = true, CountExecutions = true, VerifyExplicitly = true, ExplicitListing = explicitListing, SolverStatesFirst = 0,
                    Engine = DecisionEngine.Solver, // the listing under test is the solver's
                });
        }
        lock (checker) return checker.CheckFile(path);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explicit_listing_agrees_with_the_solver(string test, string model)
    {
        var path = Path.Combine(RepoPaths.Root, test);
        var bySolver = List(model, path, explicitListing: false);
        var byNeighbours = List(model, path, explicitListing: true);
        Assert.Empty(byNeighbours.Errors);
        Assert.Equal(bySolver.Unknown, byNeighbours.Unknown);
        Assert.Equal(bySolver.States?.Select(s => s.ToString()), byNeighbours.States?.Select(s => s.ToString()));
        Assert.Equal(bySolver.Executions, byNeighbours.Executions);
    }
}

using Litmus.Models.Plan;
using Litmus.Syntax;

namespace Litmus.Models.Tests;

/// <summary>
/// Which models are known to state uniproc and atomicity (candidate executions that break them are then pruned
/// before the model runs): only plain, unconditional axioms over the execution's own relations count.
/// </summary>
public class KnownAxiomsTests
{
    private static readonly CatInterpreterTests.MemoryResolver NoFiles = new(new());

    private static KnownAxioms Of(string cat) =>
        CatPlan.Compile(NoFiles, new HashSet<string>(), CatParser.Parse(cat, "test.cat")).KnownAxioms;

    [Theory]
    [InlineData("let com = rf | co | fr\nacyclic po-loc | com as coherence\nempty rmw & (fre ; coe) as atomic", true, true)]
    [InlineData("acyclic (po & loc) | rf | fr | co | addr\nempty (fr & ext ; co & ext) & rmw", true, true)]
    [InlineData("let sc-per-loc = po-loc | rf | co | fr\nlet at = rmw & (fre ; coe)\nacyclic sc-per-loc\nempty at", true, true)]
    // not axioms: a flag, a negated check
    [InlineData("flag ~acyclic po-loc | rf | co | fr as f\nflag ~empty rmw & (fre ; coe) as g", false, false)]
    [InlineData("~acyclic po-loc | rf | co | fr\n~empty rmw & (fre ; coe)", false, false)]
    // not the whole of uniproc (fr missing), or not in its usual words (po is more than po-loc: sound, but not recognised)
    [InlineData("acyclic po-loc | rf | co", false, false)]
    [InlineData("acyclic po | rf | co | fr", false, false)]
    // the model's own rf, not the execution's
    [InlineData("let rf = rf & int\nacyclic po-loc | rf | co | fr", false, false)]
    // a recursive definition is not inlined
    [InlineData("let rec com = rf | co | fr | (com ; com)\nacyclic po-loc | com", false, false)]
    // atomicity in a larger union still holds for its part; the other order of the intersection too
    [InlineData("empty (fre ; coe) & rmw | (rmw & id)", false, true)]
    public void Finds_uniproc_and_atomicity(string cat, bool uniproc, bool atomicity) =>
        Assert.Equal(new KnownAxioms(uniproc, atomicity), Of(cat));

    [Fact]
    public void The_bundled_kernel_model_states_both() =>
        Assert.Equal(new KnownAxioms(true, true), ModelLoader.Load(ModelLoader.DefaultModel).Plan.KnownAxioms);
}

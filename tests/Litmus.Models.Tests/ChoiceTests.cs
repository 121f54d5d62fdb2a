using Litmus.Tests;

namespace Litmus.Models.Tests;

/// <summary>
/// Sets of values and choices (map, {e}, ++, partition, linearisations, cross, with ... from), as upstream
/// lock.cat and cos-opt.cat use them. Four events 0..3; W = {0,2}; po 0-1-2; rf 2-3. The explicit algebra
/// is one execution: it takes the first option, and records each choice it was offered.
/// </summary>
public class ChoiceTests
{
    private static (ExplicitAlgebra Algebra, string X) With(string cat, Dictionary<string, string>? files = null)
    {
        var (algebra, interpreter) = CatInterpreterTests.Run(cat, files);
        return (algebra, ((RelValue<ERel>)interpreter.Lookup("x")!).Rel.ToString());
    }

    private static readonly string CrossCat = File.ReadAllText(Path.Combine(RepoPaths.Root, "litmus", "models", "cross.cat"));

    [Fact]
    public void Map_draws_events_and_pairs_and_cross_takes_one_per_member()
    {
        // As lock.cat builds rf for failed trylocks: for each event e outside W, one edge from a write to e.
        const string cat = """
            let one p = p ++ 0
            let edges e = map one (W * {e})
            with x from cross(map edges (_ \ W))
            """;
        var (algebra, x) = With(cat);
        Assert.Equal("{0->1,0->3}", x);
        Assert.Equal(["one of 2", "one of 2"], algebra.Choices);
    }

    [Fact]
    public void A_member_with_no_option_is_offered_nothing()
    {
        var (algebra, x) = With("with x from cross(map (fun e -> map (fun p -> p ++ 0) ((W \\ W) * {e})) W)");
        Assert.Equal("{}", x);
        Assert.Equal(["one of 0", "one of 0"], algebra.Choices);
    }

    [Theory]
    [InlineData("po", "{0->2}", "order 0<2")]
    [InlineData("po^-1", "{2->0}", "order 2<0")]
    public void Generate_cos_orders_the_writes_of_each_location(string order, string co, string choice)
    {
        var (algebra, x) = With($"include \"cross.cat\"\nwith x from generate_cos({order})", new() { ["cross.cat"] = CrossCat });
        Assert.Equal(co, x);
        Assert.Equal([choice], algebra.Choices);
    }

    [Fact]
    public void Singlestep_keeps_the_immediate_pairs() =>
        Assert.Equal("{0->1,1->2,2->3}", ((RelValue<ERel>)CatInterpreterTests.Run("let r = singlestep((po | rf)+)").Interpreter.Lookup("r")!).Rel.ToString());

    [Fact]
    public void A_file_included_twice_sees_the_names_of_the_second_include()
    {
        var files = new Dictionary<string, string> { ["lib.cat"] = "let lib = W" };
        var (_, interpreter) = CatInterpreterTests.Run("include \"lib.cat\"\nlet a = lib\nlet W = _\ninclude \"lib.cat\"\nlet b = lib", files);
        Assert.Equal("{0,2}", ((SetValue<ESet>)interpreter.Lookup("a")!).Set.ToString());
        Assert.Equal("{0,1,2,3}", ((SetValue<ESet>)interpreter.Lookup("b")!).Set.ToString());
    }

    [Fact]
    public void An_event_is_not_a_set_until_braced()
    {
        var e = Assert.Throws<Syntax.LitmusInputException>(() => CatInterpreterTests.Run("let s = map (fun e -> e | W) W").Interpreter.Lookup("s"));
        Assert.Contains("found an event (write {e} for the set that holds it)", e.Diagnostics.Single().Message);
    }

    [Fact]
    public void An_include_cycle_is_an_error()
    {
        var e = Assert.Throws<Syntax.LitmusInputException>(() => CatInterpreterTests.Run("include \"lib.cat\"", new() { ["lib.cat"] = "include \"lib.cat\"" }));
        Assert.Contains("includes itself", e.Diagnostics.Single().Message);
    }
}

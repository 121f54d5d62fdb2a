using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Tests;

public class LitmusConditionTests
{
    private static LitmusTest WithPostlude(string postlude) => Sample.Parse(Sample.OneThread("", postlude));

    private static string Condition(string condition) => Show.Prop(WithPostlude(condition).Condition.Proposition);

    [Theory]
    [InlineData("exists (0:r0=1)", Quantifier.Exists)]
    [InlineData("exists 0:r0=1", Quantifier.Exists)]
    [InlineData("exists(0:r0 = 1);", Quantifier.Exists)]
    [InlineData("~exists (0:r0=1)", Quantifier.NotExists)]
    [InlineData("~ exists (0:r0=1)", Quantifier.NotExists)]
    [InlineData("not exists (0:r0=1)", Quantifier.NotExists)]
    [InlineData("forall (0:r0=1)", Quantifier.Forall)]
    public void Quantifiers(string condition, Quantifier quantifier)
    {
        var final = WithPostlude(condition).Condition;
        Assert.Equal(quantifier, final.Quantifier);
        Assert.Equal("0:r0=1", Show.Prop(final.Proposition));
    }

    [Theory]
    [InlineData("exists (1:r0=1 /\\ 1:r1=0 \\/ ~(x=1) /\\ [y]=2)", "((1:r0=1 /\\ 1:r1=0) \\/ (~x=1 /\\ [y]=2))")]
    [InlineData("exists (0:r2=x /\\ 1:r0=0:r1 /\\ not (z != 3))", "((0:r2=x /\\ 1:r0=0:r1) /\\ ~z!=3)")]
    [InlineData("exists (a=1 \\/ b=2 \\/ c=3)", "((a=1 \\/ b=2) \\/ c=3)")]
    [InlineData("exists ~a=1 /\\ b=2", "(~a=1 /\\ b=2)")]
    [InlineData("exists (x=-1 /\\ y==0x10 /\\ z<>2)", "((x=-1 /\\ y=16) /\\ z!=2)")]
    [InlineData("exists (true /\\ ~false)", "(true /\\ ~false)")]
    [InlineData("exists (P1:r0=1)", "1:r0=1")]
    [InlineData("exists (x=1 + y=2)", "(x=1 \\/ y=2)")]
    // As in herd's state parser, implication binds tighter than /\ and \/ (and is right-associative).
    [InlineData("exists (a=1 /\\ b=1 => c=1)", "(a=1 /\\ (b=1 => c=1))")]
    [InlineData("exists (a=1 -> b=1 -> c=1)", "(a=1 => (b=1 => c=1))")]
    [InlineData("forall (a=1 \\/ b=1) => (c=1)", "((a=1 \\/ b=1) => c=1)")]
    public void Propositions(string condition, string expected) => Assert.Equal(expected, Condition(condition));

    [Fact]
    public void Operand_kinds()
    {
        var compare = Assert.IsType<CompareProp>(WithPostlude("exists (0:r0=x)").Condition.Proposition);
        Assert.Equal(new RegisterOperand(0, "r0", compare.Left.Span), compare.Left);
        Assert.IsType<NameOperand>(compare.Right);
        var values = Assert.IsType<CompareProp>(WithPostlude("exists ([x]=-2)").Condition.Proposition);
        Assert.IsType<ValueOfOperand>(values.Left);
        Assert.Equal(-2, Assert.IsType<ConstantOperand>(values.Right).Value);
    }

    [Fact]
    public void Locations_filter_and_scopes_in_any_order()
    {
        var test = WithPostlude("""
            filter (0:r0=1 /\ ~0:r1=2)
            locations [x; 0:r1; [y];]
            scopes: (system (proc P0 P1) (proc P2))
            exists (x=1)
            """);
        Assert.Equal(["x", "0:r1", "[y]"], test.ObservedLocations.Select(Show.Operand));
        Assert.Equal("(0:r0=1 /\\ ~0:r1=2)", Show.Prop(test.Filter!));
        var scopes = test.Scopes!;
        Assert.Equal("system", scopes.Kind);
        Assert.Empty(scopes.Threads);
        Assert.Equal(["proc:0,1", "proc:2"], scopes.Children.Select(c => $"{c.Kind}:{string.Join(",", c.Threads)}"));
    }

    [Fact]
    public void Several_top_level_scope_trees_share_an_unnamed_root()
    {
        var scopes = WithPostlude("scopes: (wi P0 P1) (wi P2)\nexists (x=1)").Scopes!;
        Assert.Equal("", scopes.Kind);
        Assert.Equal(["wi", "wi"], scopes.Children.Select(c => c.Kind));
    }

    [Fact]
    public void Empty_locations()
        => Assert.Empty(WithPostlude("locations []\nexists (x=1)").ObservedLocations);

    [Fact]
    public void A_missing_condition_means_forall_true_as_in_herd()
    {
        var test = WithPostlude("");
        Assert.Equal(Quantifier.Forall, test.Condition.Quantifier);
        Assert.IsType<TrueProp>(test.Condition.Proposition);
    }

    [Fact]
    public void Condition_spans()
    {
        var test = Sample.Parse("C t\n{}\nP0(int *x) { }\nexists (0:r0=1 /\\ x=2)\n");
        Assert.Equal(new SourceSpan("t.litmus", 4, 1, 4, 22), test.Condition.Span);
        var and = Assert.IsType<AndProp>(test.Condition.Proposition);
        Assert.Equal(new SourceSpan("t.litmus", 4, 9, 4, 21), and.Span);
        Assert.Equal(new SourceSpan("t.litmus", 4, 9, 4, 14), and.Left.Span);
        Assert.Equal(new SourceSpan("t.litmus", 4, 9, 4, 12), ((CompareProp)and.Left).Left.Span);
    }
}

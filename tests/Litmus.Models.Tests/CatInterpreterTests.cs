using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Tests;

/// <summary>The cat interpreter over explicit relations on four events 0..3.</summary>
public class CatInterpreterTests
{
    private static readonly ERel Po = new([(0, 1), (1, 2), (0, 2)]);
    private static readonly ERel Rf = new([(2, 3)]);

    internal sealed class MemoryResolver(Dictionary<string, string> files) : IModelResolver
    {
        public CatModel Load(string file, string includingFile, SourceSpan span) =>
            files.TryGetValue(file, out var text) ? CatParser.Parse(text, file) : throw new LitmusInputException(span, "missing " + file);
    }

    internal static (ExplicitAlgebra Algebra, CatInterpreter<ESet, ERel> Interpreter) Run(string cat, Dictionary<string, string>? files = null, params string[] variants)
    {
        var algebra = new ExplicitAlgebra(4, new() { ["po"] = Po, ["rf"] = Rf, ["W"] = new ESet([0, 2]) },
            new() { ["ONCE"] = new ESet([0, 1]), ["rmb"] = new ESet([3]) });
        var interpreter = new CatInterpreter<ESet, ERel>(algebra, new MemoryResolver(files ?? new()), variants.ToHashSet());
        interpreter.Run(CatParser.Parse(cat, "test.cat"));
        return (algebra, interpreter);
    }

    private static string Rel(string cat, string name) => ((RelValue<ERel>)Run(cat).Interpreter.Lookup(name)!).Rel.ToString();
    private static string Set(string cat, string name) => ((SetValue<ESet>)Run(cat).Interpreter.Lookup(name)!).Set.ToString();

    [Theory]
    [InlineData("let r = po | rf", "{0->1,0->2,1->2,2->3}")]
    [InlineData("let r = po & (W * _)", "{0->1,0->2}")]
    [InlineData("let r = po \\ (po ; po)", "{0->1,1->2}")]
    [InlineData("let r = po ; rf", "{0->3,1->3}")]
    [InlineData("let r = rf^-1", "{3->2}")]
    [InlineData("let r = (po | rf)+", "{0->1,0->2,0->3,1->2,1->3,2->3}")]
    [InlineData("let r = rf?", "{0->0,1->1,2->2,2->3,3->3}")]
    [InlineData("let r = [W] ; po ; [W]", "{0->2}")]
    [InlineData("let r = ~po & (W * W)", "{0->0,2->0,2->2}")]
    [InlineData("let r = 0 | rf", "{2->3}")]
    public void Relation_operators(string cat, string expected) => Assert.Equal(expected, Rel(cat, "r"));

    [Theory]
    [InlineData("let s = domain(rf) | range(po)", "{1,2}")]
    [InlineData("let s = ~W", "{1,3}")]
    [InlineData("let s = W \\ domain(rf)", "{0}")]
    public void Set_operators(string cat, string expected) => Assert.Equal(expected, Set(cat, "s"));

    [Fact]
    public void Let_rec_is_the_least_fixpoint() =>
        Assert.Equal(Rel("let t = (po | rf)+", "t"), Rel("let rec t = po | rf | (t ; t)", "t"));

    [Fact]
    public void Mutually_recursive_bindings_of_sets_and_relations()
    {
        const string cat = "let rec reach = [start] | (reach ; (po | rf)) and start = W \\ range(rf)";
        // start = {0,2} (writes nothing reads from... except 2, which rf reads: W \ range(rf) = {0,2})
        Assert.Equal("{0->0,0->1,0->2,0->3,2->2,2->3}", Rel(cat, "reach"));
    }

    [Fact]
    public void Functions_and_curried_application()
    {
        Assert.Equal("{0->2}", Rel("let f(a, b) = a & b\nlet r = f(po, W * W)", "r"));
        Assert.Equal("{2->3}", Rel("let id2 x = x\nlet twice(g, x) = g(g(x))\nlet r = twice(id2, rf)", "r"));
        Assert.Equal("{0->2}", Rel("enum A = 'ONCE\nlet r = fencerel(ONCE)", "r"));
    }

    [Fact]
    public void Enum_binds_each_tag_to_its_capitalised_set()
    {
        var (_, interp) = Run("enum Barriers = 'rmb || 'ONCE");
        Assert.Equal("{3}", ((SetValue<ESet>)interp.Lookup("Rmb")!).Set.ToString());
        Assert.Equal("{0,1}", ((SetValue<ESet>)interp.Lookup("ONCE")!).Set.ToString());
    }

    [Fact]
    public void Checks_are_given_to_the_algebra_with_their_names()
    {
        var (algebra, _) = Run("acyclic po | rf as ok\nirreflexive po? as refl\nempty rf\nflag ~empty rf as raised");
        Assert.Equal([("ok", true, false), ("refl", false, false), ("empty rf", false, false), ("raised", true, true)], algebra.Checks);
    }

    [Fact]
    public void Include_and_variants()
    {
        var files = new Dictionary<string, string> { ["lib.cat"] = "let lib = rf" };
        var (_, on) = Run("include \"lib.cat\"\nlet r = if \"v2\" then lib else po", files, "v2");
        Assert.Equal("{2->3}", ((RelValue<ERel>)on.Lookup("r")!).Rel.ToString());
        var (_, off) = Run("include \"lib.cat\"\nlet r = if \"v2\" then lib else po", files);
        Assert.Equal(Po.ToString(), ((RelValue<ERel>)off.Lookup("r")!).Rel.ToString());
    }

    [Fact]
    public void Try_falls_back_when_a_name_is_unbound() =>
        Assert.Equal("{2->3}", Rel("let r = try nosuch with rf", "r"));

    [Fact]
    public void Instructions_declare_the_allowed_tags()
    {
        var (algebra, _) = Run("enum Acc = 'ONCE || 'RELEASE\ninstructions R[Acc]");
        Assert.Equal(["ONCE", "RELEASE"], algebra.Instructions["R"].Order());
    }

    [Theory]
    [InlineData("let r = nosuch | po", 1, 9, "unbound name 'nosuch'")]
    [InlineData("let r = po | W\nempty r", 1, 9, "left side is a relation and its right side a set of events")]
    [InlineData("let r = domain(W)\nempty r", 1, 9, "expected a relation")]
    public void Errors_are_positioned_in_the_model_file(string cat, int line, int column, string message)
    {
        var e = Assert.Throws<LitmusInputException>(() => Run(cat));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("test.cat", line, column), (d.Span.File, d.Span.Line, d.Span.Column));
        Assert.Contains(message, d.Message);
    }
}

using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Tests;

public class MacroParserTests
{
    private const string Sample = """
        // Marked accesses
        READ_ONCE(X) __load{ONCE}(X)
        WRITE_ONCE(X,V) { __store{ONCE}(X,V); }
        smp_load_acquire(X) __load{ACQUIRE}(*X)

        // Fences
        smp_mb() { __fence{MB}; }
        mb_after_x() { __fence{after-x-y}; }
        fenced_store(X,V) { __fence{wmb}; __store{ONCE}(X,V); }

        // Atomics
        atomic_add(V,X) { __atomic_op{NORETURN}(X,+,V); }
        atomic_fetch_andnot(V,X) __atomic_fetch_op{MB}(X,&~,V)
        atomic_dec_and_test(X)  __atomic_op_return{MB}(X,-,1) == 0
        atomic_get(X) READ_ONCE(*X)
        spin_trylock(X) __trylock(X)
        synchronize_srcu(X)  { __srcu{sync-srcu}(X); }
        cmpxchg(X,V,W) __cmpxchg{MB,ONCE}(X,V,W)
        """;

    private static MacroFile Parse(string text) => MacroParser.Parse(text, "k.def");

    [Fact]
    public void Parses_expression_and_block_macros()
    {
        var file = Parse(Sample);
        Assert.Equal("k.def", file.Path);
        string Render(MacroDef m) => $"{m.Name}({string.Join(",", m.Parameters)}) "
            + (m.ExprBody is { } e ? Show.Expr(e) : Show.Stmt(m.BlockBody!));
        Assert.Equal([
            "READ_ONCE(X) __load{ONCE}(X)",
            "WRITE_ONCE(X,V) { __store{ONCE}(X, V) }",
            "smp_load_acquire(X) __load{ACQUIRE}(*X)",
            "smp_mb() { __fence{MB}() }",
            "mb_after_x() { __fence{after-x-y}() }",
            "fenced_store(X,V) { __fence{wmb}(); __store{ONCE}(X, V) }",
            "atomic_add(V,X) { __atomic_op{NORETURN}(X, op[+], V) }",
            "atomic_fetch_andnot(V,X) __atomic_fetch_op{MB}(X, op[&~], V)",
            "atomic_dec_and_test(X) (__atomic_op_return{MB}(X, op[-], 1) == 0)",
            "atomic_get(X) READ_ONCE(*X)",
            "spin_trylock(X) __trylock{}(X)",
            "synchronize_srcu(X) { __srcu{sync-srcu}(X) }",
            "cmpxchg(X,V,W) __cmpxchg{MB,ONCE}(X, V, W)",
        ], file.Macros.Select(Render));
    }

    [Fact]
    public void Exactly_one_body_kind_is_set()
    {
        var file = Parse(Sample);
        Assert.All(file.Macros, m => Assert.True(m.ExprBody is null != m.BlockBody is null));
        var fence = file.Macros.Single(m => m.Name == "smp_mb");
        var primitive = Assert.IsType<PrimitiveExpr>(((ExprStmt)Assert.Single(fence.BlockBody!.Statements)).Expression);
        Assert.Equal("__fence", primitive.Primitive);
        Assert.Equal(["MB"], primitive.Tags);
        Assert.Empty(primitive.Arguments);
    }

    [Fact]
    public void Spans()
    {
        var file = Parse("// c\nREAD_ONCE(X) __load{ONCE}(X)\n");
        var macro = Assert.Single(file.Macros);
        Assert.Equal(new SourceSpan("k.def", 2, 1, 2, 28), macro.Span);
        Assert.Equal(new SourceSpan("k.def", 2, 14, 2, 28), macro.ExprBody!.Span);
    }

    [Fact]
    public void Empty_file_has_no_macros() => Assert.Empty(Parse("// nothing\n").Macros);

    [Fact]
    public void Missing_semicolon_in_a_block_body()
    {
        var d = Errors.Single(() => Parse("smp_mb() { __fence{MB} }\n"));
        Assert.Equal("k.def:1:23: error: expected ';' after statement", d.ToString());
    }

    [Fact]
    public void Stray_closing_brace()
    {
        var d = Errors.Single(() => Parse("a(X) b(X)\n}\n"));
        Assert.Equal((2, 1), (d.Span.Line, d.Span.Column));
        Assert.StartsWith("unexpected '}'", d.Message);
    }

    [Fact]
    public void Duplicate_parameter()
    {
        var d = Errors.Single(() => Parse("f(X,X) g(X)\n"));
        Assert.Equal("k.def:1:1: error: macro f has two parameters named X", d.ToString());
    }
}

using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Tests;

public class LitmusHeaderAndInitTests
{
    [Fact]
    public void Reads_arch_and_name_and_ignores_header_lines()
    {
        var test = Sample.Parse("""
            C SB+mb-x.y=z,w_1[2]
            "a doc string, with { a brace"
            Prefetch=0:x=F,1:y=W
            Com=Rf Fr
            Relax= Orig=whatever { in a value
            (* a comment with { a brace *)
            // another { comment
            {
            }
            P0(int *x) { WRITE_ONCE(*x, 1); }
            exists (x=1)
            """);
        Assert.Equal("C", test.Arch);
        Assert.Equal("SB+mb-x.y=z,w_1[2]", test.Name);
        Assert.Equal(new SourceSpan("t.litmus", 1, 3, 1, 20), test.NameSpan);
        Assert.Empty(test.Init);
        Assert.Single(test.Threads);
    }

    [Fact]
    public void The_init_block_starts_at_the_first_brace_outside_comments_strings_and_key_value_lines()
    {
        var test = Sample.Parse("C t\n\"x{\"\n(* { *)\n{ x = 1; }\nP0(int *x) { }\nexists (x=1)\n");
        Assert.Equal("x", Assert.Single(test.Init).Name);
    }

    [Fact]
    public void Nested_ocaml_comments_are_skipped_outside_thread_code()
    {
        var test = Sample.Parse("C t\n(* outer (* inner *) still outer *)\n{ (* in init (* nested *) *) x = 1; }\n"
            + "(* between *) P0(int *x) { } (* after *)\nexists (* in condition *) (x=1) (* trailing *)\n");
        Assert.Equal("x", Assert.Single(test.Init).Name);
        Assert.Equal(Quantifier.Exists, test.Condition.Quantifier);
    }

    [Fact]
    public void Init_block_forms()
    {
        var test = Sample.Parse(Sample.Test("""
            int x = 1; int *p = &x; y=2; 0:r1=x; atomic_t a = ATOMIC_INIT(1); spinlock_t l; int z[2];
            unsigned long u; struct srcu_struct s; int *q = x; int 1:r2 = z; int * 2:r3;
            volatile int v = -3; w = 0x10;
            """, "P0(int *x) { }"));
        var items = test.Init.Select(i =>
            $"{i.Type?.ToString() ?? "-"} {(i.Thread is { } t ? $"{t}:" : "")}{i.Name}"
            + (i.ArraySize is { } n ? $"[{n}]" : "")
            + (i.Value is { } v ? $" = {Show.Expr(v)}" : "")).ToList();
        Assert.Equal([
            "int x = 1", "int* p = &x", "- y = 2", "- 0:r1 = x", "atomic_t a = ATOMIC_INIT(1)", "spinlock_t l", "int z[2]",
            "unsigned long u", "struct srcu_struct s", "int* q = x", "int 1:r2 = z", "int* 2:r3",
            "int v = -3", "- w = 16",
        ], items);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ }")]
    [InlineData("{ ; }")]
    [InlineData("{ x = 1 }")]
    [InlineData("{ x = 1;; y = 2; }")]
    public void Init_separators_are_flexible(string init)
    {
        var test = Sample.Parse($"C t\n{init}\nP0(int *x) {{ }}\nexists (x=1)\n");
        Assert.All(test.Init, i => Assert.Null(i.Type));
    }

    [Fact]
    public void Init_item_spans_cover_the_item()
    {
        var test = Sample.Parse("C t\n{\n  int *p = &x;\n}\nP0(int *x) { }\nexists (x=1)\n");
        var item = Assert.Single(test.Init);
        Assert.Equal(new SourceSpan("t.litmus", 3, 3, 3, 13), item.Span);
        Assert.Equal(new SourceSpan("t.litmus", 3, 3, 3, 7), item.Type!.Span);
        Assert.Equal(new SourceSpan("t.litmus", 3, 12, 3, 13), item.Value!.Span);
    }

    [Fact]
    public void Expected_result_comes_from_the_first_result_line()
    {
        var test = Sample.Parse("C t\n(*\n * Result: Sometimes DATARACE\n * Result: Never\n *)\n{}\nP0(int *x) { }\nexists (x=1)\n");
        var expected = Assert.IsType<ExpectedResult>(test.Expected);
        Assert.Equal("Sometimes", expected.Verdict);
        Assert.True(expected.DataRace);
        Assert.Equal(" * Result: Sometimes DATARACE", expected.Line);
        Assert.Equal(3, expected.Span.Line);
    }

    [Theory]
    [InlineData("(* Result: Never *)", "Never", false)]
    [InlineData(" * Result: DEADLOCK", "DEADLOCK", false)]
    [InlineData(" * Result: Maybe DATARACE (but see below)", "Maybe", true)]
    public void Expected_result_line_forms(string line, string verdict, bool race)
    {
        var test = Sample.Parse($"C t\n{line}\n{{}}\nP0(int *x) {{ }}\nexists (x=1)\n");
        Assert.Equal(verdict, test.Expected!.Verdict);
        Assert.Equal(race, test.Expected.DataRace);
    }

    [Theory]
    [InlineData("(* no result here *)")]
    [InlineData("  * Result: Never")] // two spaces: the kernel scripts' pattern does not match
    [InlineData("* Result: Never")]
    public void Expected_result_is_null_without_a_matching_line(string line)
        => Assert.Null(Sample.Parse($"C t\n(*\n{line}\n*)\n{{}}\nP0(int *x) {{ }}\nexists (x=1)\n").Expected);
}

namespace Litmus.Syntax.Tests;

/// <summary>Bad input gives positioned diagnostics that say what to fix, and nothing else escapes.</summary>
public class LitmusErrorTests
{
    private const string Good = """
        C MP+unit
        (*
         * Result: Sometimes
         *)
        {
          int x = 1; int *p = &x; y=2;
        }

        P0(int *x, int *y)
        {
        	WRITE_ONCE(*x, 1);
        	smp_wmb();
        	WRITE_ONCE(*y, 1);
        }

        P1(int *x, int *y)
        {
        	int r0;
        	int r1 = READ_ONCE(*y);
        	r0 = READ_ONCE(*x);
        }

        exists (1:r0=0 /\ 1:r1=1)
        """;

    private static Diagnostic SingleError(string text) => Errors.Single(() => LitmusParser.Parse(text, "tests/x.litmus"));

    private static void AssertError(string text, int line, int column, string message)
    {
        var d = SingleError(text);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("tests/x.litmus", d.Span.File);
        Assert.Equal((line, column, message), (d.Span.Line, d.Span.Column, d.Message));
    }

    [Fact]
    public void The_sample_is_valid() => Assert.Equal("MP+unit", LitmusParser.Parse(Good, "tests/x.litmus").Name);

    [Fact]
    public void Missing_semicolon_is_reported_where_it_belongs()
    {
        AssertError(Good.Replace("smp_wmb();", "smp_wmb()"), 12, 11, "expected ';' after statement (thread P0)");
        var d = SingleError(Good.Replace("smp_wmb();", "smp_wmb()"));
        Assert.Equal("tests/x.litmus:12:11: error: expected ';' after statement (thread P0)", d.ToString());
    }

    [Fact]
    public void Missing_semicolon_after_a_declaration()
        => AssertError(Good.Replace("int r0;", "int r0"), 18, 8, "expected ';' after declaration (thread P1)");

    [Fact]
    public void Truncated_file()
        => AssertError(Good[..Good.IndexOf("r0 = READ_ONCE(*x);", StringComparison.Ordinal)], 20, 2,
            "unexpected end of file in block (thread P1): missing '}'?");

    [Fact]
    public void Truncated_in_the_init_block()
        => AssertError("C t\n{\n  int x = 1;\n", 4, 1, "unexpected end of file in init block: missing '}'?");

    [Fact]
    public void Truncated_after_the_header()
        => AssertError("C t\n", 2, 1, "unexpected end of file in init block; expected '{'");

    [Fact]
    public void Missing_closing_brace_of_a_thread()
    {
        var text = Good.Replace("\tWRITE_ONCE(*y, 1);\n}", "\tWRITE_ONCE(*y, 1);\n");
        // One error, not a cascade: the rest of the file is read as P0's body and would fail everywhere.
        AssertError(text, 16, 4, "unexpected 'int' in expression (thread P0): is the '}' that ends thread P0 missing before P1 on line 16?");
    }

    [Fact]
    public void Missing_closing_parenthesis()
        => AssertError(Good.Replace("WRITE_ONCE(*x, 1);", "WRITE_ONCE(*x, 1;"), 11, 18, "expected ')' after expression (thread P0)");

    [Fact]
    public void Bad_condition()
        => AssertError(Good.Replace("exists (1:r0=0 /\\ 1:r1=1)", "exists (1:r0=0 /\\ )"), 23, 19,
            "unexpected ')' in condition; expected a condition such as 0:r0=1");

    [Fact]
    public void Unclosed_condition()
        => AssertError(Good.Replace("exists (1:r0=0 /\\ 1:r1=1)", "exists (1:r0=0 /\\ 1:r1=1"), 23, 25, "expected ')' after condition");

    [Fact]
    public void Condition_with_a_c_operator()
        => AssertError(Good.Replace("exists (1:r0=0 /\\ 1:r1=1)", "exists (1:r0=0 && 1:r1=1)"), 23, 16,
            "unexpected '&&' in condition; expected ')'");

    [Fact]
    public void Garbage_character()
        => AssertError(Good.Replace("smp_wmb();", "smp_wmb(); @"), 12, 13, "unexpected character '@' in block (thread P0); expected a statement or '}'");

    [Fact]
    public void Garbage_after_the_condition()
        => AssertError(Good + " junk", 23, 27, "unexpected 'junk'; expected end of file");

    [Theory]
    [InlineData("LISA")]
    [InlineData("PPC")]
    [InlineData("AArch64")]
    public void Other_architectures_are_rejected_with_one_error(string arch)
        => AssertError(Good.Replace("C MP+unit", $"{arch} MP+unit"), 1, 1,
            $"only C litmus tests are supported, and this is a '{arch}' test: herd's other front ends are out of scope");

    [Fact]
    public void Empty_file() => AssertError("\n\n", 3, 1, "empty file: a litmus test starts with a line such as 'C MP+poonceonces'");

    [Fact]
    public void No_test_name() => AssertError("C\n{}\nP0(int *x) { }\nexists (x=1)\n", 1, 2, "expected the test name after 'C'");

    [Theory]
    [InlineData("while (r0) smp_mb();", "while")]
    [InlineData("do { smp_mb(); } while (r0);", "do-while")]
    [InlineData("for (int i = 0; i < 2; i = i + 1) smp_mb();", "for")]
    public void Loops_are_rejected(string loop, string kind)
        => AssertError(Good.Replace("r0 = READ_ONCE(*x);", loop), 20, 2,
            $"loops are not supported ('{kind}'): herd's C litmus tests are loop-free; unroll the loop by hand, using if for its exit test");

    [Fact]
    public void Goto_is_rejected()
        => AssertError(Good.Replace("r0 = READ_ONCE(*x);", "goto out;"), 20, 2,
            "'goto' is not supported: litmus thread code is straight-line C with if/else only");

    [Fact]
    public void Duplicate_thread()
        => AssertError(Good.Replace("P1(int *x, int *y)", "P0(int *x, int *y)"), 16, 1,
            "thread P0 is defined twice; the first definition is at line 9");

    [Fact]
    public void Bad_thread_name()
        => AssertError(Good.Replace("P1(int *x, int *y)", "Q1(int *x, int *y)"), 16, 1,
            "'Q1' is not a thread name: threads are named P0, P1, P2, ...");

    [Fact]
    public void No_thread()
        => AssertError("C t\n{ x = 1; }\nexists (x=1)\n", 2, 11,
            "expected a thread after the init block, such as P0(int *x) { WRITE_ONCE(*x, 1); }");

    [Fact]
    public void Two_conditions_of_a_kind()
        => AssertError(Good.Replace("exists", "filter (x=1)\nfilter (x=2)\nexists"), 24, 1,
            "a test has at most one 'filter' clause; the first is at line 23");

    [Fact]
    public void Operator_arguments_are_only_for_macro_files()
        => AssertError(Good.Replace("smp_wmb();", "atomic_op(x, +, 1);"), 12, 15,
            "unexpected '+' in call arguments: operators are only passed as arguments in .def macro definitions");

    [Fact]
    public void Integer_overflow()
        => AssertError(Good.Replace("WRITE_ONCE(*x, 1);", "WRITE_ONCE(*x, 99999999999999999999);"), 11, 17,
            "integer 99999999999999999999 does not fit in 64 bits");

    [Fact]
    public void Several_errors_of_a_file_are_reported_together()
    {
        var text = Good.Replace("smp_wmb();", "smp_wmb()").Replace("P1(int *x, int *y)", "Q1(int *x, int *y)");
        var errors = Errors.Of(() => LitmusParser.Parse(text, "tests/x.litmus"));
        Assert.Equal([12], errors.Select(e => e.Span.Line)); // syntax errors stop before semantic checks
        var semantic = Good.Replace("P1(int *x, int *y)", "Q1(int *x, int *y)").Replace("smp_wmb();", "while (1) ;");
        Assert.Equal([12, 16], Errors.Of(() => LitmusParser.Parse(semantic, "tests/x.litmus")).Select(e => e.Span.Line));
        var syntax = Good.Replace("smp_wmb();", "smp_wmb()").Replace("int r1 = READ_ONCE(*y);", "int r1 = READ_ONCE(*y) )");
        Assert.Equal([12, 19], Errors.Of(() => LitmusParser.Parse(syntax, "tests/x.litmus")).Select(e => e.Span.Line));
    }

    [Fact]
    public void Every_truncation_of_a_valid_test_fails_cleanly()
    {
        // Whatever the cut, the parser answers with diagnostics, never with another exception.
        for (var length = 0; length < Good.Length; length++)
        {
            try
            {
                LitmusParser.Parse(Good[..length], "tests/x.litmus");
            }
            catch (LitmusInputException e)
            {
                Assert.All(e.Diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, d.ToString()));
                Assert.DoesNotContain(e.Diagnostics, d => d.Message.Contains("internal"));
            }
        }
    }

    [Fact]
    public void Unknown_type_in_a_declaration()
        => AssertError(Good.Replace("int r0;", "u32 r0;"), 18, 6,
            "unexpected 'r0' in statement (thread P1): if 'u32' is meant as a type, it is not one litmus tests know; use int, long, char, intptr_t, uintptr_t, atomic_t, spinlock_t, struct NAME, ...");

    [Fact]
    public void Unknown_parameter_type()
        => AssertError(Good.Replace("P1(int *x, int *y)", "P1(int *x, foo *y)"), 16, 12,
            "unexpected 'foo' in type (thread P1): 'foo' is not a type litmus tests know; use int, long, char, intptr_t, uintptr_t, atomic_t, spinlock_t, struct NAME, ...");

    [Fact]
    public void Misspelt_condition_keyword()
        => AssertError(Good.Replace("exists (", "exist ("), 23, 8,
            "unexpected '1': 'exist' is neither a thread name (P0, P1, ...) nor a keyword of the final section (exists, ~exists, forall, locations, filter, scopes, regions)");

    [Fact]
    public void Unclosed_parameter_list()
        => AssertError(Good.Replace("P1(int *x, int *y)", "P1(int *x, int *y"), 16, 18, "expected ')' after 'y' (thread P1)");

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_change_nothing()
    {
        var test = LitmusParser.Parse("\uFEFF" + Good.Replace("\n", "\r\n"), "tests/x.litmus");
        Assert.Equal("MP+unit", test.Name);
        Assert.Equal("Sometimes", test.Expected!.Verdict);
        Assert.Equal(" * Result: Sometimes", test.Expected.Line);
        Assert.Equal(new SourceSpan("tests/x.litmus", 23, 1, 23, 25), test.Condition.Span);
        var crlf = Errors.Single(() => LitmusParser.Parse(Good.Replace("smp_wmb();", "smp_wmb()").Replace("\n", "\r\n"), "tests/x.litmus"));
        Assert.Equal((12, 11), (crlf.Span.Line, crlf.Span.Column));
    }

    [Fact]
    public void Missing_file()
    {
        var d = Errors.Single(() => LitmusParser.ParseFile("/no/such/dir/x.litmus"));
        Assert.Equal("cannot read /no/such/dir/x.litmus: no such file", d.Message);
    }
}

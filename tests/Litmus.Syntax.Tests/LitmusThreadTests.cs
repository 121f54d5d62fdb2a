using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Tests;

public class LitmusThreadTests
{
    [Fact]
    public void Thread_parameters_in_every_spelling()
    {
        var test = Sample.Parse(Sample.Test("", """
            P0(int *buf, volatile int* flag, int **pp, atomic_t *a, spinlock_t *l, struct srcu_struct *s, int* y,intptr_t *u)
            {
            }
            P1(void) { }
            P2() { }
            """));
        Assert.Equal([0, 1, 2], test.Threads.Select(t => t.Index));
        Assert.Equal(["P0", "P1", "P2"], test.Threads.Select(t => t.Name));
        Assert.Equal(
            ["int* buf", "int* flag", "int** pp", "atomic_t* a", "spinlock_t* l", "struct srcu_struct* s", "int* y", "intptr_t* u"],
            test.Threads[0].Parameters.Select(p => $"{p.Type} {p.Name}"));
        Assert.Empty(test.Threads[1].Parameters);
        Assert.Empty(test.Threads[2].Parameters);
    }

    [Fact]
    public void Thread_numbers_come_from_the_names_in_the_order_written()
    {
        var test = Sample.Parse(Sample.Test("", "P1(int *x) { }\nP0(int *x) { }\nP10(int *x) { }"));
        Assert.Equal([1, 0, 10], test.Threads.Select(t => t.Index));
    }

    [Fact]
    public void Declarations_give_one_statement_per_name()
    {
        var body = Sample.Body("int r0, *r1 = READ_ONCE(*x), r2 = 2; intptr_t r3; int *r4;");
        Assert.Equal(
            ["decl int r0", "decl int* r1 = READ_ONCE(*x)", "decl int r2 = 2", "decl intptr_t r3", "decl int* r4"],
            body.Select(Show.Stmt));
    }

    [Fact]
    public void Statements()
    {
        var body = Sample.Body("""
            int r0;
            int r1 = READ_ONCE(*y);
            r0 = READ_ONCE(*x);
            if (r0 == 1 && r1) { r2 = READ_ONCE(*pp); WRITE_ONCE(*r2, r0 + 1); } else smp_mb();
            if (r1) ;
            *x = 3;  r3 = *x;  r4 = (r0 & 1);  r5 = cmpxchg(y, 0, 1);  r6 = (int *)r5;
            r0 += 2; r0 |= 1;
            {}
            """);
        Assert.Equal([
            "decl int r0",
            "decl int r1 = READ_ONCE(*y)",
            "(r0 = READ_ONCE(*x))",
            "if ((r0 == 1) && r1) then { (r2 = READ_ONCE(*pp)); WRITE_ONCE(*r2, (r0 + 1)) } else smp_mb()",
            "if r1 then skip",
            "(*x = 3)", "(r3 = *x)", "(r4 = (r0 & 1))", "(r5 = cmpxchg(y, 0, 1))", "(r6 = ((int*)r5))",
            "(r0 += 2)", "(r0 |= 1)",
            "{  }",
        ], body.Select(Show.Stmt));
    }

    [Fact]
    public void Else_belongs_to_the_nearest_if()
        => Assert.Equal("if a then if b then f() else g()", Show.Stmt(Assert.Single(Sample.Body("if (a) if (b) f(); else g();"))));

    [Fact]
    public void C_comments_in_thread_code_and_parenthesised_dereferences()
    {
        // In C code "(*" is syntax, not a comment.
        var body = Sample.Body("r0 = READ_ONCE((*x)); /* a (* comment *) */ r1 = (*y); // end (*\n");
        Assert.Equal(["(r0 = READ_ONCE(*x))", "(r1 = *y)"], body.Select(Show.Stmt));
    }

    [Theory]
    [InlineData("a || b && c | d ^ e & f == g < h << i + j * k", "(a || (b && (c | (d ^ (e & (f == (g < (h << (i + (j * k))))))))))")]
    [InlineData("a * b + c - d / e % f", "(((a * b) + c) - ((d / e) % f))")]
    [InlineData("a != b <= c >= d > e >> f", "(a != (((b <= c) >= d) > (e >> f)))")]
    [InlineData("r = a ? b : c ? d : e", "(r = (a ? b : (c ? d : e)))")]
    [InlineData("r = s = 1", "(r = (s = 1))")]
    [InlineData("-a - -1 + !b + ~c", "(((-a - -1) + !b) + ~c)")]
    [InlineData("*p + &x == &y[1]", "((*p + &x) == &y[1])")]
    [InlineData("(int *)p + 1", "(((int*)p) + 1)")]
    [InlineData("(uintptr_t)r0 & 1", "(((uintptr_t)r0) & 1)")]
    [InlineData("(intptr_t **)(x)", "((intptr_t**)x)")]
    [InlineData("(void *)0", "((void*)0)")]
    [InlineData("0x1F + 10", "(31 + 10)")]
    [InlineData("f(g(1), h())", "f(g(1), h())")]
    [InlineData("xchg_acquire(x, 1) + atomic_add_return(-1+256, v)", "(xchg_acquire(x, 1) + atomic_add_return((-1 + 256), v))")]
    public void Expression_precedence(string source, string expected)
        => Assert.Equal(expected, Show.Expr(Sample.Expr(source)));

    [Fact]
    public void Negative_literals_are_literals()
    {
        var literal = Assert.IsType<IntLiteral>(Sample.Expr("-5"));
        Assert.Equal(-5, literal.Value);
    }

    [Fact]
    public void Calls_carry_the_span_of_their_name()
    {
        var call = Assert.IsType<CallExpr>(Sample.Expr("smp_store_release(x, 1)"));
        Assert.Equal(new SourceSpan("t.litmus", 8, 1, 8, 17), call.NameSpan);
        Assert.Equal(new SourceSpan("t.litmus", 8, 1, 8, 23), call.Span);
    }

    [Fact]
    public void Statement_and_thread_spans()
    {
        var test = Sample.Parse("C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n");
        var thread = Assert.Single(test.Threads);
        Assert.Equal(new SourceSpan("t.litmus", 3, 1, 6, 1), thread.Span);
        Assert.Equal(new SourceSpan("t.litmus", 4, 1, 6, 1), thread.Body.Span);
        var statement = Assert.Single(thread.Body.Statements);
        Assert.Equal(new SourceSpan("t.litmus", 5, 2, 5, 19), statement.Span);
        var parameter = Assert.Single(thread.Parameters);
        Assert.Equal(new SourceSpan("t.litmus", 3, 4, 3, 9), parameter.Span);
    }

    [Fact]
    public void Tagged_builtins_are_primitives()
    {
        var body = Sample.Body("__fence{MB}; r0 = __load{once}(x); __lock(l);");
        Assert.Equal(["__fence{MB}()", "(r0 = __load{once}(x))", "__lock{}(l)"], body.Select(Show.Stmt));
    }
}

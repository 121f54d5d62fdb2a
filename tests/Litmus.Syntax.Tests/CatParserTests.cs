using Litmus.Syntax.Ast;

namespace Litmus.Syntax.Tests;

public class CatParserTests
{
    private static CatModel Parse(string text) => CatParser.Parse(text, "m.cat");

    private static string Expr(string expression)
    {
        var let = Assert.IsType<CatLet>(Assert.Single(Parse($"let it = {expression}").Statements));
        return Show.Cat(Assert.Single(let.Bindings).Body);
    }

    [Theory]
    // herd's precedence, loosest first: | ++ ; \ & then * (product), then ~ and the postfix operators.
    [InlineData("a | b ; c", "(a | (b ; c))")]
    [InlineData("a ; b | c", "((a ; b) | c)")]
    [InlineData("a ; b \\ c", "(a ; (b \\ c))")]
    [InlineData("a \\ b & c", "(a \\ (b & c))")]
    [InlineData("a & b * c", "(a & (b * c))")]
    [InlineData("a \\ b \\ c", "((a \\ b) \\ c)")]
    [InlineData("a ; b ; c", "(a ; (b ; c))")]
    [InlineData("a | b | c", "(a | (b | c))")]
    [InlineData("a & b & c", "(a & (b & c))")]
    [InlineData("a ++ b | c", "((a ++ b) | c)")]
    [InlineData("a ; b ++ c", "((a ; b) ++ c)")]
    [InlineData("~a ; b", "(~a ; b)")]
    [InlineData("~a | b", "(~a | b)")]
    [InlineData("a* ; b+ ; c?", "(a* ; (b+ ; c?))")]
    [InlineData("r^-1 ; s", "(r^-1 ; s)")]
    [InlineData("(r ; s)^-1*", "(r ; s)^-1*")]
    [InlineData("po-loc | com", "(po-loc | com)")]
    [InlineData("a-b\\c", "(a-b \\ c)")]
    [InlineData("[R] ; po ; [W & Mk]", "([R] ; (po ; [(W & Mk)]))")]
    [InlineData("(M \\ IW) * Pl", "((M \\ IW) * Pl)")]
    [InlineData("_ * B", "(_ * B)")]
    [InlineData("0", "0")]
    [InlineData("{}", "0")]
    [InlineData("{e}", "{e}")]
    [InlineData("{a, 'b, c}", "{a, 'b, c}")]
    [InlineData("'ONCE | 'rcu-lock", "('ONCE | 'rcu-lock)")]
    public void Operators(string expression, string expected) => Assert.Equal(expected, Expr(expression));

    [Theory]
    [InlineData("fencerel(Xmb)", "fencerel@Xmb")]
    [InlineData("f(a, b)", "f@<a, b>")]
    [InlineData("f()", "f@<>")]
    [InlineData("f x y", "f@x@y")]
    [InlineData("f x ++ g y", "(f@x ++ g@y)")]
    [InlineData("Lk \\ domain(lk-pairs)", "(Lk \\ domain@lk-pairs)")]
    [InlineData("map f (S \\ range(r))", "map@f@(S \\ range@r)")]
    [InlineData("B-cumul(hard-fence | po-x)", "B-cumul@(hard-fence | po-x)")]
    [InlineData("f [x]", "f@[x]")]
    public void Application_binds_tightest(string expression, string expected) => Assert.Equal(expected, Expr(expression));

    [Theory]
    [InlineData("let rec a = b | a and b = c in a", "(let rec a = (b | a) and b = c in a)")]
    [InlineData("let f x = x ; x in f", "(let f(x) = (x ; x) in f)")]
    [InlineData("fun x -> x | y", "(fun (x) -> (x | y))")]
    [InlineData("fun (a, b) -> a", "(fun (a, b) -> a)")]
    [InlineData("try Q with nothing", "(try Q with nothing)")]
    [InlineData("if \"v9\" then 0 else _", "(if \"v9\" then 0 else _)")]
    [InlineData("if a = b then c else d", "(if (a = b) then c else d)")]
    [InlineData("if a subset b then c else d", "(if (a subset b) then c else d)")]
    [InlineData("match x with || 'a -> b || 'c -> d || _ -> e end", "(match x with 'a -> b 'c -> d _ -> e)")]
    [InlineData("match S with || {} -> {} || e ++ S -> f e ++ g S end", "(match S with {} -> 0 | e ++ S -> (f@e ++ g@S))")]
    [InlineData("match S with e ++ _ -> e || {} -> 0 end", "(match S with {} -> 0 | e ++ _ -> e)")]
    [InlineData("begin a | b end ; c", "((a | b) ; c)")]
    [InlineData("(a, b | c)", "<a, (b | c)>")]
    public void Expression_forms(string expression, string expected) => Assert.Equal(expected, Expr(expression));

    [Fact]
    public void Title_options_and_statements()
    {
        var model = Parse("""
            "A unit-test model" withoutco
            (* a (* nested *) comment *)
            // a line comment
            # another one
            include "other.cat"
            let acq-x = [Acq] ; po ; [M2]
            let B-cumul(r) = (rfe ; [Mk])? ; r
            let f a = a | a
            let detour (A, B, C) = A \ (B ; C)
            let rec x = y and y = x
            acyclic po-loc | com as uniproc
            irreflexive rb as no-cycle
            empty rmw & (fre ; coe) as atomicity
            ~empty a
            flag ~empty mixed as mixed-accesses
            undefined_unless empty b as ub
            show co,rf,fr
            show x \ id as y
            unshow a
            enum Kinds = 'ONE || 'TWO || 'sync-x
            enum Single = || 'A
            instructions R[Kinds]
            with co from orders(base)
            procedure within(a, b) =
              empty a \ b
            end
            procedure single x = acyclic x end
            call within((S*S), t) as w
            if "variant" then let a = b else let a = c acyclic a end
            if "v2" then let a = b end
            """);
        Assert.Equal("A unit-test model", model.Title);
        Assert.Equal(["withoutco"], model.Options);
        var s = model.Statements;
        Assert.Equal("other.cat", Assert.IsType<CatInclude>(s[0]).File);
        Assert.Equal("acq-x = ([Acq] ; (po ; [M2]))", Show.Binding(Assert.Single(((CatLet)s[1]).Bindings)));
        Assert.Equal("B-cumul(r) = ((rfe ; [Mk])? ; r)", Show.Binding(((CatLet)s[2]).Bindings[0]));
        Assert.Equal("f(a) = (a | a)", Show.Binding(((CatLet)s[3]).Bindings[0]));
        Assert.Equal("detour(A, B, C) = (A \\ (B ; C))", Show.Binding(((CatLet)s[4]).Bindings[0]));
        var rec = (CatLet)s[5];
        Assert.True(rec.Recursive);
        Assert.Equal(["x", "y"], rec.Bindings.Select(b => b.Name));

        Assert.Equal(new CatCheck(CatCheckKind.Acyclic, false, ((CatCheck)s[6]).Expr, "uniproc", false, false, s[6].Span), s[6]);
        Assert.Equal("(po-loc | com)", Show.Cat(((CatCheck)s[6]).Expr));
        Assert.Equal((CatCheckKind.Irreflexive, "no-cycle"), (((CatCheck)s[7]).Kind, ((CatCheck)s[7]).Name));
        Assert.Equal(CatCheckKind.Empty, ((CatCheck)s[8]).Kind);
        var negated = (CatCheck)s[9];
        Assert.True(negated.Negated);
        Assert.Null(negated.Name);
        var flag = (CatCheck)s[10];
        Assert.True(flag.IsFlag && flag.Negated && flag.Name == "mixed-accesses");
        var unless = (CatCheck)s[11];
        Assert.True(unless.IsUndefinedUnless && !unless.IsFlag);
        Assert.All(s.Skip(12).Take(3), x => Assert.IsType<CatShow>(x));

        var accesses = (CatEnum)s[15];
        Assert.Equal("Kinds", accesses.Name);
        Assert.Equal(["ONE", "TWO", "sync-x"], accesses.Tags);
        Assert.Equal(["A"], ((CatEnum)s[16]).Tags);
        var instructions = (CatInstructions)s[17];
        Assert.Equal(("R", "Kinds"), (instructions.EventKind, Show.Cat(instructions.Annotations)));
        var with = (CatWith)s[18];
        Assert.Equal(("co", "orders@base"), (with.Name, Show.Cat(with.From)));
        var procedure = (CatProcedure)s[19];
        Assert.Equal("within", procedure.Name);
        Assert.Equal(["a", "b"], procedure.Parameters);
        Assert.IsType<CatCheck>(Assert.Single(procedure.Body));
        Assert.Equal(["x"], ((CatProcedure)s[20]).Parameters);
        var call = (CatCall)s[21];
        Assert.Equal(("within", "<(S * S), t>", "w"), (call.Name, Show.Cat(call.Argument), call.As));
        var ifs = (CatIfStmt)s[22];
        Assert.Equal("\"variant\"", Show.Cat(ifs.Condition));
        Assert.Single(ifs.Then);
        Assert.Equal(2, ifs.Else.Count);
        Assert.Empty(((CatIfStmt)s[23]).Else);
        Assert.Equal(24, s.Count);
    }

    [Theory]
    [InlineData("Cross\nlet a = b", "Cross")]
    [InlineData("X86 \"x86 TSO\"\nlet a = b", "x86 TSO")]
    [InlineData("let a = b", null)]
    public void Model_titles(string text, string? title) => Assert.Equal(title, Parse(text).Title);

    [Fact]
    public void Spans_point_into_the_file()
    {
        var model = Parse("let a = b\nacyclic a ; c as x\n");
        var check = (CatCheck)model.Statements[1];
        Assert.Equal(new SourceSpan("m.cat", 2, 1, 2, 18), check.Span);
        Assert.Equal(new SourceSpan("m.cat", 2, 9, 2, 13), check.Expr.Span);
        var seq = (CatBinary)check.Expr;
        Assert.Equal(new SourceSpan("m.cat", 2, 13, 2, 13), seq.Right.Span);
    }

    [Fact]
    public void Identifiers_with_dashes_dots_digits_and_quotes()
        => Assert.Equal("(po-loc | (A-cumul.2 | (x' \\ _a)))", Expr("po-loc | A-cumul.2 | x'\\_a"));

    [Fact]
    public void Syntax_errors_are_positioned()
    {
        var d = Errors.Single(() => CatParser.Parse("let a = po\nlet b = a $ c\n", "m.cat"));
        Assert.Equal("m.cat:2:11: error: unexpected character '$' in model; expected a statement (let, include, acyclic, irreflexive, empty, flag, show, ...)", d.ToString());
    }

    [Fact]
    public void Unclosed_procedure()
    {
        var d = Errors.Single(() => CatParser.Parse("procedure p(x) =\n  acyclic x\n", "m.cat"));
        Assert.Equal("m.cat:3:1: error: unexpected end of file in statement: missing 'end'?", d.ToString());
    }

    [Fact]
    public void Missing_operand()
    {
        var d = Errors.Single(() => CatParser.Parse("let a = po ;\nacyclic a\n", "m.cat"));
        Assert.Equal((2, 1), (d.Span.Line, d.Span.Column));
        Assert.StartsWith("unexpected 'acyclic'", d.Message);
    }

    [Fact]
    public void A_set_match_needs_both_cases()
    {
        var d = Errors.Single(() => CatParser.Parse("let a = match s with || {} -> 0 end\n", "m.cat"));
        Assert.Equal("a match on a set has exactly two cases: '|| {} -> ...' and '|| x ++ rest -> ...'", d.Message);
    }
}

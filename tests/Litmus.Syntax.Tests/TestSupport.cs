namespace Litmus.Syntax.Tests;

internal static class Errors
{
    /// <summary>Runs <paramref name="parse"/>, which must fail, and returns its diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> Of(Action parse)
    {
        var e = Assert.Throws<LitmusInputException>(parse);
        Assert.NotEmpty(e.Diagnostics);
        return e.Diagnostics;
    }

    /// <summary>The single diagnostic of a failing parse.</summary>
    public static Diagnostic Single(Action parse) => Assert.Single(Of(parse));
}

/// <summary>Small litmus tests written for these unit tests.</summary>
internal static class Sample
{
    /// <summary>A complete test around the given thread bodies and condition.</summary>
    public static string Test(string init, string threads, string condition = "exists (0:r0=0)")
        => $"C unit-test\n{{\n{init}\n}}\n\n{threads}\n\n{condition}\n";

    /// <summary>A test with one thread P0(int *x, int *y) whose body is <paramref name="body"/>.</summary>
    public static string OneThread(string body, string condition = "exists (0:r0=0)")
        => Test("", $"P0(int *x, int *y)\n{{\n{body}\n}}", condition);

    public static Ast.LitmusTest Parse(string text) => LitmusParser.Parse(text, "t.litmus");

    public static IReadOnlyList<Ast.Stmt> Body(string body) => Parse(OneThread(body)).Threads[0].Body.Statements;

    public static Ast.Expr Expr(string expression)
    {
        var statement = Assert.IsType<Ast.ExprStmt>(Assert.Single(Body(expression + ";")));
        return statement.Expression;
    }
}

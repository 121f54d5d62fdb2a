using System.Collections;
using System.Reflection;

namespace Litmus.Syntax.Tests;

/// <summary>
/// Walks an AST by reflection and checks every span: it names the parsed file, starts at a
/// real position, does not end before it starts, and lies within the span of its parent.
/// </summary>
internal static class SpanChecker
{
    public static int Check(object root, string path)
    {
        var count = 0;
        Walk(root, null, path, ref count);
        return count;
    }

    private static void Walk(object node, SourceSpan? parent, string path, ref int count)
    {
        var type = node.GetType();
        var own = type.GetProperty("Span")?.GetValue(node) as SourceSpan?;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var value = property.GetValue(node);
            switch (value)
            {
                case SourceSpan span:
                    count++;
                    Valid(span, path, $"{type.Name}.{property.Name}");
                    // A node's own span lies in its parent's; its other spans (NameSpan) lie in its own.
                    var container = property.Name == "Span" ? parent : own;
                    if (container is { } outer) Within(span, outer, $"{type.Name}.{property.Name}");
                    break;
                case string or null:
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                        if (item is not null && IsAst(item.GetType())) Walk(item, own ?? parent, path, ref count);
                    break;
                default:
                    if (IsAst(value.GetType())) Walk(value, own ?? parent, path, ref count);
                    break;
            }
        }
    }

    private static bool IsAst(Type type) => type.Namespace == "Litmus.Syntax.Ast";

    private static void Valid(SourceSpan span, string path, string what)
    {
        Assert.True(span.File == path, $"{what}: span of file '{span.File}'");
        Assert.True(span.Line >= 1 && span.Column >= 1, $"{what}: span starts at {span}");
        Assert.True((span.EndLine, span.EndColumn).CompareTo((span.Line, span.Column)) >= 0, $"{what}: span {span} ends at {span.EndLine}:{span.EndColumn}");
    }

    private static void Within(SourceSpan inner, SourceSpan outer, string what)
    {
        var starts = (inner.Line, inner.Column).CompareTo((outer.Line, outer.Column)) >= 0;
        var ends = (inner.EndLine, inner.EndColumn).CompareTo((outer.EndLine, outer.EndColumn)) <= 0;
        Assert.True(starts && ends,
            $"{what}: {inner.Line}:{inner.Column}-{inner.EndLine}:{inner.EndColumn} is not within {outer.Line}:{outer.Column}-{outer.EndLine}:{outer.EndColumn}");
    }
}

public class SpanTests
{
    [Fact]
    public void Litmus_spans_are_valid_and_nested()
    {
        var text = Sample.Test(
            "int x = 1; int *p = &x; 0:r1 = x; int a[2]; atomic_t v = ATOMIC_INIT(-1);",
            """
            P0(int *x, volatile int* y, struct srcu_struct *s)
            {
                int r0, *r1 = (int *)READ_ONCE(*y), r2;
                if (r0 == 1 && !r2) { WRITE_ONCE(*x, r0 ? 1 : -2); } else { smp_mb(); ; }
                r2 += a[1] << 2;
                __fence{before-atomic};
            }
            """,
            "locations [x; 0:r0]\nfilter (~0:r0=1)\nscopes: (sys (p P0))\nexists (0:r0=1 /\\ [x]=2 \\/ y!=-1 => true)");
        Assert.True(SpanChecker.Check(Sample.Parse(text), "t.litmus") > 50);
    }

    [Fact]
    public void Cat_spans_are_valid_and_nested()
    {
        var model = CatParser.Parse("""
            "title"
            let rec a = b | c ; d^-1 and f(x, y) = g x (y \ z)
            flag ~empty let q = r in match q with || {} -> 0 || e ++ s -> {e} end as n
            procedure p(x) = acyclic x* & [W] end
            call p(po) as c
            instructions R[Acc]
            enum E = 'a || 'b
            with x from fun (a, b) -> if "v" then a else try b with _
            if "v" then show a end
            """, "m.cat");
        Assert.True(SpanChecker.Check(model, "m.cat") > 30);
    }

    [Fact]
    public void Macro_spans_are_valid_and_nested()
    {
        var file = MacroParser.Parse("f(X,V) { __op{A,b-c}(X,&~,V); g(*X); }\nh(X) __load{ONCE}(X) == 0\n", "k.def");
        Assert.True(SpanChecker.Check(file, "k.def") > 10);
    }
}

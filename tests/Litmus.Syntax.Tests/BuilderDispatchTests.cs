using System.Reflection;
using Antlr4.Runtime.Tree;
using Litmus.Tests;

namespace Litmus.Syntax.Tests;

/// <summary>
/// Each AST builder dispatches Visit on the context's type itself (its .Dispatch.cs file), so that parsing does not
/// go through ANTLR's generic virtual Accept (slow to resolve under Native AOT). A Visit method the builder overrides
/// but the switch forgets would still work, through Accept, only slower: this finds such a method, comparing the
/// builder's overrides (by reflection) with the cases its dispatch file lists.
/// </summary>
public class BuilderDispatchTests
{
    public static TheoryData<string> Builders() => new()
    {
        "Litmus.Syntax.Parsing.Cat.CatExprBuilder", "Litmus.Syntax.Parsing.Cat.CatStmtBuilder",
        "Litmus.Syntax.Parsing.Litmus.ConditionBuilder", "Litmus.Syntax.Parsing.Litmus.ExprBuilder",
        "Litmus.Syntax.Parsing.Litmus.StmtBuilder",
    };

    [Theory]
    [MemberData(nameof(Builders))]
    public void Every_overridden_visit_is_dispatched_directly(string builderName)
    {
        var builder = typeof(LitmusParser).Assembly.GetType(builderName, throwOnError: true)!;
        var overrides = builder.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("Visit", StringComparison.Ordinal) && m.Name != "Visit" && m.GetBaseDefinition() != m)
            .Select(m => m.GetParameters().Single().ParameterType)
            .ToList();
        Assert.NotEmpty(overrides);
        var dispatch = builder.GetMethod("Visit", [typeof(IParseTree)])!;
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Litmus.Syntax", "Parsing",
            builder.Namespace!.Split('.')[^1], builder.Name + ".Dispatch.cs"));
        Assert.Equal(builder, dispatch.DeclaringType);
        var missing = overrides.Where(t => !source.Contains($"P.{t.Name} c =>", StringComparison.Ordinal)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"{builder.Name}.Dispatch.cs does not dispatch: {string.Join(", ", missing)}");
    }
}

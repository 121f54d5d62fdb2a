using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking.Tests;

/// <summary>
/// A register declared without an initialiser keeps the value the init block gave it (herd7 7.58, kernel model:
/// manual/oota/C-JO-OOTA-7 sets <c>0:r2=a</c> and declares <c>int r2;</c> in P0), and otherwise starts at 0.
/// </summary>
public class RegisterDeclarationTests
{
    [Theory]
    // herd7: States 1, "0:r2=a; 0:r3=5;", Always 1 0.
    [InlineData("{ 0:r2=a; a=5; }", "Always", "0:r2=a; 0:r3=5;")]
    // Nothing gave r2 a value: it is 0, and *r2 is no location (herd stops on that as well).
    [InlineData("{ a=5; }", null, null)]
    public void A_declaration_keeps_the_init_blocks_value(string init, string? verdict, string? state)
    {
        var test = LitmusParser.Parse("C decl\n" + init + "\nP0(int *a, int *x) { int r2; int r3; r3 = READ_ONCE(*r2); WRITE_ONCE(*x, 1); }\n"
            + "locations [0:r2;0:r3]\nexists (0:r3=5)\n", "decl.litmus");
        foreach (var engine in Enum.GetValues<DecisionEngine>())
        {
            using var checker = LitmusChecker.Create(ModelLoader.Load(ModelLoader.DefaultModel), new CheckOptions { States = true, Engine = engine });
            var r = checker.Check(test);
            if (verdict is null)
            {
                Assert.Contains(r.Errors, e => e.Message.Contains("not a location", StringComparison.Ordinal));
                continue;
            }
            Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors));
            Assert.Equal(verdict, r.VerdictWord);
            Assert.Equal(state, Assert.Single(r.States!).ToString());
        }
    }
}

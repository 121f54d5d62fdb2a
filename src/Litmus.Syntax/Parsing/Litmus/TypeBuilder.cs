using Antlr4.Runtime;
using Litmus.Syntax.Ast;
using P = Litmus.Syntax.Generated.LitmusCParser;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>
/// Builds <see cref="TypeName"/>s. Qualifiers (volatile, const) are dropped from the base
/// name: they change nothing for the memory model, and consumers can then compare base
/// types ("int", "atomic_t", "struct srcu_struct") without normalising them.
/// </summary>
internal static class TypeBuilder
{
    public static string BaseName(P.TypeSpecContext spec)
    {
        var name = spec.baseType() switch
        {
            P.BuiltinTypeContext builtin => string.Join(" ", builtin.BASE_TYPE().Select(t => t.GetText())),
            P.StructTypeContext structType => "struct " + structType.IDENT().GetText(),
            var other => other.GetText(),
        };
        return spec.ATOMIC().Length > 0 ? "_Atomic " + name : name;
    }

    /// <param name="pointers">The declarator's stars: <c>int *x</c> has one.</param>
    public static TypeName Build(P.TypeSpecContext spec, IReadOnlyList<P.PointerContext> pointers, BuildContext bc)
    {
        ParserRuleContext end = pointers.Count > 0 ? pointers[^1] : spec;
        var span = bc.Spans.Of(spec).To(bc.Spans.Of(end));
        return new TypeName(BaseName(spec), pointers.Count, span);
    }

    public static TypeName Build(P.TypeNameContext typeName, BuildContext bc)
        => Build(typeName.typeSpec(), typeName.pointer(), bc);
}

using Litmus.Syntax.Ast;

namespace Litmus.Models.Plan;

/// <summary>
/// Two axioms most models share, found in a compiled model when it states them unconditionally (a top-level
/// axiom, not a flag, not negated) over the execution's own relations:
/// <list type="bullet">
/// <item><b>Uniproc</b>: <c>acyclic po-loc | rf | co | fr</c>, possibly with more relations in the union (herd's
/// <c>acyclic po-loc | com</c>, with <c>com = rf | co | fr</c>);</item>
/// <item><b>Atomicity</b>: <c>empty rmw &amp; (fre ; coe)</c>, possibly in a larger union.</item>
/// </list>
/// Every execution that breaks one of them is forbidden by the model whatever else it says, so whoever
/// enumerates candidate executions may skip those without running the model (herd7 prunes its candidates by
/// uniproc the same way). The match is syntactic after inlining the model's own top-level definitions; a model
/// that says the same in other words is simply not pruned.
/// </summary>
public sealed record KnownAxioms(bool Uniproc, bool Atomicity)
{
    public static KnownAxioms Of(CatPlan plan)
    {
        var definitions = new Dictionary<int, PlanExpr>();
        bool uniproc = false, atomicity = false;
        foreach (var step in plan.Steps)
            switch (step)
            {
                case BindStep { Group: var g }:
                    foreach (var b in g.Bindings)
                        if (!g.Recursive && !g.NewFrame && b.Body is { } body) definitions[b.Slot] = body;
                        else definitions.Remove(b.Slot);
                    break;
                case CheckStep { Check: { Role: CheckRole.Axiom, Negated: false } check, Expr: var e }:
                    var terms = UnionTerms(e, definitions).ToList();
                    if (check.Kind == CatCheckKind.Acyclic)
                        uniproc |= terms.Any(t => IsInter(t, "po", "loc", definitions) || Is(t, "po-loc")) && terms.Any(t => Is(t, "rf")) && terms.Any(t => Is(t, "co")) && terms.Any(t => Is(t, "fr"));
                    if (check.Kind == CatCheckKind.Empty)
                        atomicity |= terms.Any(t => IsRmwInterFreCoe(t, definitions));
                    break;
            }
        return new KnownAxioms(uniproc, atomicity);
    }

    /// <summary>The operands of a union, nested unions flattened, top-level names inlined.</summary>
    private static IEnumerable<PlanExpr> UnionTerms(PlanExpr e, IReadOnlyDictionary<int, PlanExpr> definitions)
    {
        e = Inline(e, definitions);
        if (e is PlanBinary { Op: CatBinaryOp.Union } u)
            return UnionTerms(u.Left, definitions).Concat(UnionTerms(u.Right, definitions));
        return [e];
    }

    /// <summary>A reference to a top-level definition replaced by its body (a check at top level runs in the top frame, as do those bodies).</summary>
    private static PlanExpr Inline(PlanExpr e, IReadOnlyDictionary<int, PlanExpr> definitions)
    {
        for (var depth = 0; e is LocalRef { Depth: 0 } r && definitions.TryGetValue(r.Slot, out var body) && depth < 64; depth++) e = body;
        return e;
    }

    private static bool Is(PlanExpr e, string predefined) => e is PredefinedRef p && p.Name == predefined;

    private static bool IsInter(PlanExpr e, string a, string b, IReadOnlyDictionary<int, PlanExpr> definitions)
    {
        if (e is not PlanBinary { Op: CatBinaryOp.Inter } i) return false;
        var (l, r) = (Inline(i.Left, definitions), Inline(i.Right, definitions));
        return (Is(l, a) && Is(r, b)) || (Is(l, b) && Is(r, a));
    }

    private static bool IsRmwInterFreCoe(PlanExpr e, IReadOnlyDictionary<int, PlanExpr> definitions)
    {
        if (e is not PlanBinary { Op: CatBinaryOp.Inter } i) return false;
        var (l, r) = (Inline(i.Left, definitions), Inline(i.Right, definitions));
        return (Is(l, "rmw") && IsFreCoe(r, definitions)) || (Is(r, "rmw") && IsFreCoe(l, definitions));
    }

    private static bool IsFreCoe(PlanExpr e, IReadOnlyDictionary<int, PlanExpr> definitions) =>
        e is PlanBinary { Op: CatBinaryOp.Seq } s
        && Inline(s.Left, definitions) is var fre && (Is(fre, "fre") || IsInter(fre, "fr", "ext", definitions))
        && Inline(s.Right, definitions) is var coe && (Is(coe, "coe") || IsInter(coe, "co", "ext", definitions));
}

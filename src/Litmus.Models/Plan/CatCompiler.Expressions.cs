using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Plan;

internal sealed partial class CatCompiler
{
    /// <summary>herd binds the events annotated <c>'rmb</c> to <c>Rmb</c>, <c>'ONCE</c> to <c>ONCE</c>.</summary>
    public static string Capitalise(string tag) => tag.Length == 0 ? tag : char.ToUpperInvariant(tag[0]) + tag[1..];

    /// <summary>
    /// An expression in <paramref name="scope"/>. Names <paramref name="underTry"/> (in the body of a
    /// <c>try</c>) may be unbound by design; any other name the model does not bind must be predefined.
    /// </summary>
    private PlanExpr Expr(CatExpr e, Scope scope, bool underTry = false)
    {
        switch (e)
        {
            case CatName n:
                return Name(n, scope, underTry);
            case CatEmpty:
                return new ConstantExpr(EmptyValue.Instance, e.Span);
            case CatUniverse:
                return new UniverseExpr(e.Span);
            case CatTagLiteral t:
                return new ConstantExpr(new TagValue(t.Tag), e.Span);
            case CatStringLiteral s:
                return new ConstantExpr(new StringValue(s.Value), e.Span);
            case CatBinary b:
                return new PlanBinary(b.Op, Expr(b.Left, scope, underTry), Expr(b.Right, scope, underTry), b.Span);
            case CatUnary u:
                return new PlanUnary(u.Op, Expr(u.Operand, scope, underTry), u.Span);
            case CatApp app:
                return new AppExpr(Expr(app.Function, scope, underTry), Expr(app.Argument, scope, underTry), app.Span);
            case CatTuple t:
                return new TupleExpr(t.Items.Select(i => Expr(i, scope, underTry)).ToList(), t.Span);
            case CatSetLiteral s:
                return new SetLiteralExpr(s.Items.Select(i => Expr(i, scope, underTry)).ToList(), s.Span);
            case CatFun f:
                return new FunExpr(Function("fun", f.Parameters, f.Body, scope, f.Span, underTry), f.Span);
            case CatLetIn l:
            {
                var (group, inner) = Group(l.Recursive, l.Bindings, scope, newFrame: true, l.Span, underTry);
                return new LetInExpr(group, Expr(l.Body, inner, underTry), l.Span);
            }
            case CatIf i:
            {
                // Both branches are compiled, so that the names of the one not taken are checked too.
                var then = Expr(i.Then, scope, underTry);
                var otherwise = Expr(i.Else, scope, underTry);
                return i.Condition is CatStringLiteral s
                    ? variants.Contains(s.Value) ? then : otherwise
                    : new FailExpr("a condition must be a variant name in quotes, e.g. \"lkmmv2\"", i.Condition.Span);
            }
            case CatTry t:
                return new TryExpr(Expr(t.Body, scope, underTry: true), Expr(t.Fallback, scope, underTry), t.Span);
            default:
                return new FailExpr("this cat expression is not supported", e.Span);
        }
    }

    private PlanExpr Name(CatName n, Scope scope, bool underTry)
    {
        switch (scope.Find(n.Name))
        {
            case ({ } entry, var depth):
                return entry is SlotEntry s
                    ? new LocalRef(n.Name, depth, s.Slot, n.Span)
                    : new ConstantExpr(new ProcedureValue(n.Name), n.Span);
        }
        if (BuiltinNames.Contains(n.Name)) return new BuiltinRef(n.Name, n.Span);
        if (!_predefined.TryGetValue(n.Name, out var index)) _predefined[n.Name] = index = _predefined.Count;
        if (!underTry && _mustBePredefinedNames.Add(n.Name)) _mustBePredefined.Add((n.Name, n.Span));
        return new PredefinedRef(n.Name, index, n.Span);
    }

    /// <summary>A function defined in <paramref name="scope"/>: its body sees the parameters in a frame of their own.</summary>
    private FunctionCode Function(string name, IReadOnlyList<string> parameters, CatExpr body, Scope scope, SourceSpan span, bool underTry) =>
        new(name, parameters.Count, Expr(body, Parameters(scope.Child(new FrameLayout { Size = parameters.Count }), parameters), underTry), span);

    /// <summary>
    /// A <c>let</c> or <c>let rec</c> group in <paramref name="scope"/>, and the scope after it. Without rec, the
    /// bodies see the scope before the group. With rec, functions see each other (not the group's other
    /// bindings, as in herd), and the other bindings see the functions and each other's current iterate.
    /// </summary>
    private (BindingGroup Group, Scope After) Group(bool recursive, IReadOnlyList<CatBinding> bindings, Scope scope,
        bool newFrame, SourceSpan span, bool underTry = false)
    {
        var frame = newFrame ? new FrameLayout() : scope.FrameLayout;
        var target = newFrame ? scope.Child(frame) : scope;
        var compiled = new List<PlanBinding>();
        if (!recursive)
        {
            foreach (var b in bindings)
            {
                var slot = frame.Size++;
                compiled.Add(b.Parameters is { } ps
                    ? new PlanBinding(b.Name, slot, Function(b.Name, ps, b.Body, scope, b.Span, underTry), null, b.Span)
                    : new PlanBinding(b.Name, slot, null, Expr(b.Body, scope, underTry), b.Body.Span));
            }
            foreach (var b in compiled) target = target.With(b.Name, new SlotEntry(b.Slot));
            return (new BindingGroup(false, compiled, newFrame, frame.Size, span), target);
        }

        var functions = bindings.Where(b => b.Parameters is not null).Select(b => (Binding: b, Slot: frame.Size++)).ToList();
        foreach (var (b, slot) in functions) target = target.With(b.Name, new SlotEntry(slot));
        foreach (var (b, slot) in functions)
            compiled.Add(new PlanBinding(b.Name, slot, Function(b.Name, b.Parameters ?? [], b.Body, target, b.Span, underTry), null, b.Span));

        var plain = bindings.Where(b => b.Parameters is null).Select(b => (Binding: b, Slot: frame.Size++)).ToList();
        var iterate = target.Child(new FrameLayout { Size = plain.Count });
        for (var j = 0; j < plain.Count; j++) iterate = iterate.With(plain[j].Binding.Name, new SlotEntry(j));
        foreach (var (b, slot) in plain)
            compiled.Add(new PlanBinding(b.Name, slot, null, Expr(b.Body, iterate, underTry), b.Body.Span));
        foreach (var (b, slot) in plain) target = target.With(b.Name, new SlotEntry(slot));
        return (new BindingGroup(true, compiled, newFrame, frame.Size, span), target);
    }
}

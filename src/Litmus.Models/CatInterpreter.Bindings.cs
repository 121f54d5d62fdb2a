using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

public sealed partial class CatInterpreter<TSet, TRel>
{
    /// <summary>
    /// <c>let</c> and <c>let rec</c>. Recursive functions tie the knot through their closure's environment;
    /// recursive sets and relations are least fixpoints computed by the algebra, starting from the empty
    /// value of each binding (herd's semantics).
    /// </summary>
    private CatEnv Bind(CatEnv env, bool recursive, IReadOnlyList<CatBinding> bindings, SourceSpan span)
    {
        foreach (var b in bindings)
            CheckNamesBound(b.Body, env, [.. b.Parameters ?? [], .. recursive ? bindings.Select(x => x.Name) : []]);
        if (!recursive)
        {
            var values = bindings.Select(b => new KeyValuePair<string, CatValue>(b.Name,
                b.Parameters is null ? new LazyValue(exact => InMode(exact, () => Eval(b.Body, env))) : BindingValue(b, env))).ToList();
            return env.With(values);
        }

        var functions = bindings.Where(b => b.Parameters is not null).ToList();
        var closures = functions.Select(b => (ClosureValue)BindingValue(b, env)).ToList();
        var recEnv = env.With(functions.Select((b, i) => new KeyValuePair<string, CatValue>(b.Name, closures[i])));
        foreach (var c in closures) c.Env = recEnv;

        var plain = bindings.Where(b => b.Parameters is null).ToList();
        if (plain.Count == 0) return recEnv;

        // The group is solved once per mode, when one of its names is first used.
        var solved = new Dictionary<bool, IReadOnlyList<CatValue>>();
        IReadOnlyList<CatValue> Solve(bool exact)
        {
            if (!solved.TryGetValue(exact, out var values))
                solved[exact] = values = InMode(exact, () => Fixpoint(recEnv, plain, span));
            return values;
        }
        return recEnv.With(plain.Select((b, i) => new KeyValuePair<string, CatValue>(b.Name, new LazyValue(exact => Solve(exact)[i]))));
    }

    private List<CatValue> Fixpoint(CatEnv recEnv, List<CatBinding> plain, SourceSpan span)
    {
        // One step evaluates the bindings in order, each seeing the values the step has already given the ones
        // before it, as herd does. For monotone definitions the least fixpoint is the same either way; for a
        // non-monotone one, such as upstream's matching of nested rcu_read_lock()s (rcu-rscs), only herd's order
        // gives herd's result.
        IReadOnlyList<CatValue> Sweep(IReadOnlyList<CatValue> current)
        {
            var values = current.ToArray();
            for (var i = 0; i < plain.Count; i++)
            {
                var scope = recEnv.With(plain.Select((b, j) => new KeyValuePair<string, CatValue>(b.Name, values[j])));
                values[i] = Eval(plain[i].Body, scope);
            }
            return values;
        }
        IReadOnlyList<SetOrRel<TSet, TRel>> Step(IReadOnlyList<SetOrRel<TSet, TRel>> current) =>
            Sweep(current.Select(FromSetOrRel).ToList()).Select((v, i) => AsSetOrRel(v, plain[i].Body.Span)).ToList();

        // The first iterates, from all-empty, also tell each binding's type (set or relation). A binding built
        // only from others (unmatched = unmatched-locks | unmatched-unlocks) may still be the untyped empty
        // value after one step, so step on until every binding has a type (at most one step per binding).
        IReadOnlyList<CatValue> iterate = plain.Select(_ => (CatValue)EmptyValue.Instance).ToList();
        for (var round = 0; round <= plain.Count && iterate.Any(v => v is EmptyValue); round++)
            iterate = Sweep(iterate);
        var first = plain.Select((b, i) => AsSetOrRel(iterate[i], b.Body.Span)).ToList();
        return _algebra.LeastFixpoint(first, Step, span, _exact).Select(FromSetOrRel).ToList();
    }

    /// <summary>
    /// Bindings are lazy, so a misspelt name in a definition nothing uses would go unnoticed; a model author
    /// still wants to hear of it. Names under <c>try</c> may be unbound by design.
    /// </summary>
    private void CheckNamesBound(CatExpr e, CatEnv env, IReadOnlyCollection<string> locals)
    {
        switch (e)
        {
            case CatName n when !locals.Contains(n.Name) && !env.Binds(n.Name) && Predefined(n.Name) is null:
                throw new LitmusInputException(n.Span, $"unbound name '{n.Name}'");
            case CatTry t:
                CheckNamesBound(t.Fallback, env, locals);
                break;
            case CatFun f:
                CheckNamesBound(f.Body, env, [.. locals, .. f.Parameters]);
                break;
            case CatLetIn l:
                var inner = locals.Concat(l.Bindings.Select(b => b.Name)).ToList();
                foreach (var b in l.Bindings) CheckNamesBound(b.Body, env, [.. (l.Recursive ? inner : locals), .. b.Parameters ?? []]);
                CheckNamesBound(l.Body, env, inner);
                break;
            case CatBinary b:
                CheckNamesBound(b.Left, env, locals);
                CheckNamesBound(b.Right, env, locals);
                break;
            case CatUnary u:
                CheckNamesBound(u.Operand, env, locals);
                break;
            case CatApp a:
                CheckNamesBound(a.Function, env, locals);
                CheckNamesBound(a.Argument, env, locals);
                break;
            case CatTuple t:
                foreach (var i in t.Items) CheckNamesBound(i, env, locals);
                break;
            case CatSetLiteral s:
                foreach (var i in s.Items) CheckNamesBound(i, env, locals);
                break;
            case CatIf i:
                CheckNamesBound(i.Then, env, locals);
                CheckNamesBound(i.Else, env, locals);
                break;
        }
    }

    private CatValue BindingValue(CatBinding b, CatEnv env) =>
        b.Parameters is null ? Eval(b.Body, env) : new ClosureValue(b.Name, b.Parameters, b.Body, env);

    private CatValue Forced(CatValue v) => v switch
    {
        LazyValue l => l.Force(_exact),
        TupleValue t => new TupleValue(t.Items.Select(Forced).ToList()),
        _ => v,
    };

    private CatEnv BindParameters(CatEnv env, IReadOnlyList<string> parameters, CatValue arg, SourceSpan span)
    {
        if (parameters.Count == 1) return env.With(parameters[0], arg);
        if (parameters.Count == 0) return env;
        if (arg is LazyValue lazy) arg = lazy.Force(_exact);
        if (arg is TupleValue t && t.Items.Count == parameters.Count)
            return env.With(parameters.Select((p, i) => new KeyValuePair<string, CatValue>(p, t.Items[i])));
        throw new LitmusInputException(span, $"expected {parameters.Count} arguments");
    }

    private CatValue Apply(CatValue f, CatValue arg, SourceSpan span) => f switch
    {
        ClosureValue c => Eval(c.Body, BindParameters(c.Env, c.Parameters, arg, span)),
        BuiltinValue b => b.Apply(b.ExactArgument ? InMode(true, () => Forced(arg)) : Forced(arg), span),
        _ => throw new LitmusInputException(span, $"this is {f.Kind}, not a function"),
    };

    internal SetOrRel<TSet, TRel> AsSetOrRel(CatValue v, SourceSpan span) => v switch
    {
        SetValue<TSet> s => SetOrRel<TSet, TRel>.OfSet(s.Set),
        RelValue<TRel> r => SetOrRel<TSet, TRel>.OfRel(r.Rel),
        EmptyValue => SetOrRel<TSet, TRel>.OfRel(_algebra.EmptyRelation),
        _ => throw new LitmusInputException(span, $"expected a set of events or a relation, found {v.Kind}"),
    };

    internal static CatValue FromSetOrRel(SetOrRel<TSet, TRel> v) =>
        v.IsSet ? new SetValue<TSet>(v.Set!) : new RelValue<TRel>(v.Rel!);
}

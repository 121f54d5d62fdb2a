using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>Finds the files a model includes (<c>include "lock.cat"</c>).</summary>
public interface IModelResolver
{
    /// <summary>Loads <paramref name="file"/> as seen from <paramref name="includingFile"/>; throws a positioned error when absent.</summary>
    CatModel Load(string file, string includingFile, SourceSpan span);
}

/// <summary>
/// Interprets cat statements over a relation algebra. The interpreter knows the language (scoping, functions,
/// fixpoints, checks); the algebra knows what sets and relations are.
/// </summary>
public sealed partial class CatInterpreter<TSet, TRel> where TSet : class where TRel : class
{
    private readonly IRelationAlgebra<TSet, TRel> _algebra;
    private readonly IModelResolver _resolver;
    private readonly IReadOnlySet<string> _variants;
    /// <summary>The files being read (the chain of includes, unordered): an include of one of them is a cycle.</summary>
    private readonly HashSet<string> _reading = new(StringComparer.Ordinal);
    private CatEnv _env;

    public CatInterpreter(IRelationAlgebra<TSet, TRel> algebra, IModelResolver resolver, IReadOnlySet<string>? variants = null)
    {
        _algebra = algebra;
        _resolver = resolver;
        _variants = variants ?? new HashSet<string>();
        _env = Builtins();
    }

    /// <summary>The names bound so far (after <see cref="Run"/>: everything the model defined).</summary>
    public CatEnv Environment => _env;

    /// <summary>Runs the model's statements, in order: each <c>let</c> extends the environment, each check goes to the algebra.</summary>
    public void Run(CatModel model)
    {
        _reading.Add(Path.GetFullPath(model.Path));
        try
        {
            foreach (var s in model.Statements) Exec(s, model.Path);
        }
        finally { _reading.Remove(Path.GetFullPath(model.Path)); }
    }

    /// <summary>Evaluates a name bound by the model or predefined by the algebra, or null if there is none.</summary>
    public CatValue? Lookup(string name) => _env.Find(name) ?? Predefined(name);

    private void Exec(CatStmt s, string file)
    {
        switch (s)
        {
            case CatLet let:
                _env = Bind(_env, let.Recursive, let.Bindings, let.Span);
                break;
            case CatInclude inc:
                Include(inc, file);
                break;
            case CatCheck check:
                RunCheck(check, _env);
                break;
            case CatShow:
                break;
            case CatEnum en:
                DeclareEnum(en);
                break;
            case CatInstructions ins:
                var tags = Eval(ins.Annotations, _env);
                _algebra.DeclareInstructions(ins.EventKind, TagsOf(tags, ins.Annotations.Span), ins.Span);
                break;
            case CatProcedure proc:
                _env = _env.With(proc.Name, new ProcedureValue(proc, _env));
                break;
            case CatCall call:
                Call(call, file);
                break;
            case CatIfStmt ifs:
                foreach (var x in IsTrue(Eval(ifs.Condition, _env), ifs.Condition.Span) ? ifs.Then : ifs.Else) Exec(x, file);
                break;
            case CatWith with:
                With(with);
                break;
            default:
                throw new LitmusInputException(s.Span, "this cat statement is not supported");
        }
    }

    private void Include(CatInclude inc, string file)
    {
        var model = _resolver.Load(inc.File, file, inc.Span);
        // A file included twice is read twice, like herd: its definitions then see the names as they are at the
        // second include (lock.cat includes cross.cat, and cos-opt.cat includes it again after W has grown).
        var path = Path.GetFullPath(model.Path);
        if (!_reading.Add(path)) throw new LitmusInputException(inc.Span, $"'{inc.File}' includes itself");
        try
        {
            foreach (var x in model.Statements) Exec(x, model.Path);
        }
        finally { _reading.Remove(path); }
    }

    private void DeclareEnum(CatEnum en)
    {
        var items = new List<CatValue>();
        var bindings = new Dictionary<string, CatValue>();
        foreach (var tag in en.Tags)
        {
            items.Add(new TagValue(tag));
            bindings[Capitalise(tag)] = new SetValue<TSet>(_algebra.Tagged(tag));
        }
        bindings[en.Name] = new CollectionValue(items);
        _env = _env.With(bindings);
    }

    /// <summary>herd binds the events annotated <c>'rmb</c> to <c>Rmb</c>, <c>'ONCE</c> to <c>ONCE</c>.</summary>
    public static string Capitalise(string tag) => tag.Length == 0 ? tag : char.ToUpperInvariant(tag[0]) + tag[1..];

    /// <summary>
    /// Whether the expression being evaluated needs its exact value. An axiom that says a relation is acyclic,
    /// irreflexive or empty is only harder to satisfy when the relation is larger, so a closure that feeds it
    /// positively may be any relation containing the true closure: the algebra then needs only lower bounds
    /// (far cheaper than an exact closure). Everything under a negation (the right of \, a complement), every
    /// flag and every negated check is exact.
    /// </summary>
    private bool _exact = true;

    private T InMode<T>(bool exact, Func<T> f)
    {
        var saved = _exact;
        _exact = exact;
        try { return f(); }
        finally { _exact = saved; }
    }

    private void RunCheck(CatCheck check, CatEnv env)
    {
        var lowerBoundSuffices = !check.Negated && !check.IsFlag && !check.IsUndefinedUnless;
        var value = InMode(!lowerBoundSuffices, () => Eval(check.Expr, env));
        var sr = AsSetOrRel(value, check.Expr.Span);
        var name = check.Name ?? CheckName(check);
        _algebra.Check(check, sr, name);
    }

    private static string CheckName(CatCheck check) =>
        (check.Negated ? "~" : "") + check.Kind.ToString().ToLowerInvariant() + (check.Expr is CatName n ? " " + n.Name : "");

    private void Call(CatCall call, string file)
    {
        var proc = _env.Find(call.Name) as ProcedureValue
            ?? throw new LitmusInputException(call.Span, $"'{call.Name}' is not a procedure");
        var arg = Eval(call.Argument, _env);
        var env = BindParameters(proc.Env, proc.Proc.Parameters, arg, call.Span);
        var saved = _env;
        _env = env;
        try
        {
            foreach (var s in proc.Proc.Body) Exec(s, file);
        }
        finally { _env = saved; }
    }

    private bool IsTrue(CatValue v, SourceSpan span) => v switch
    {
        StringValue s => _variants.Contains(s.Value),
        _ => throw new LitmusInputException(span, "a condition must be a variant name in quotes, e.g. \"lkmmv2\""),
    };

    private static List<string> TagsOf(CatValue v, SourceSpan span) => v switch
    {
        CollectionValue c => c.Items.Select(i => i is TagValue t ? t.Tag
            : throw new LitmusInputException(span, "expected a set of tags")).ToList(),
        TagValue t => [t.Tag],
        EmptyValue => [],
        _ => throw new LitmusInputException(span, $"expected a set of tags, found {v.Kind}"),
    };
}

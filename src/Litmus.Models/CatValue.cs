using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>Values of the cat language during interpretation.</summary>
public abstract class CatValue
{
    public abstract string Kind { get; }
}

public sealed class SetValue<TSet>(TSet set) : CatValue where TSet : class
{
    public TSet Set { get; } = set;
    public override string Kind => "a set of events";
}

public sealed class RelValue<TRel>(TRel rel) : RelValueBase where TRel : class
{
    public TRel Rel { get; } = rel;
    public override string Kind => "a relation";
}

/// <summary><c>0</c> or <c>{}</c>: empty as a set or as a relation, whichever the context needs.</summary>
public sealed class EmptyValue : CatValue
{
    public static readonly EmptyValue Instance = new();
    public override string Kind => "the empty set";
}

public sealed class TagValue(string tag) : CatValue
{
    public string Tag { get; } = tag;
    public override string Kind => "a tag";
}

public sealed class StringValue(string s) : CatValue
{
    public string Value { get; } = s;
    public override string Kind => "a string";
}

public sealed class TupleValue(IReadOnlyList<CatValue> items) : CatValue
{
    public IReadOnlyList<CatValue> Items { get; } = items;
    public override string Kind => "a tuple";
}

/// <summary>An explicit collection: an enum's tags, or <c>{a, b}</c> of relations.</summary>
public sealed class CollectionValue(IReadOnlyList<CatValue> items) : CatValue
{
    public IReadOnlyList<CatValue> Items { get; } = items;
    public override string Kind => "a collection";
}

public sealed class ClosureValue(string name, IReadOnlyList<string> parameters, CatExpr body, CatEnv env) : CatValue
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Parameters { get; } = parameters;
    public CatExpr Body { get; } = body;
    /// <summary>Mutable only to tie the knot of <c>let rec f x = ...</c>.</summary>
    public CatEnv Env { get; set; } = env;
    public override string Kind => "a function";
}

public sealed class BuiltinValue(string name, Func<CatValue, Syntax.SourceSpan, CatValue> apply, bool exactArgument = false) : CatValue
{
    public string Name { get; } = name;
    public Func<CatValue, Syntax.SourceSpan, CatValue> Apply { get; } = apply;
    /// <summary>Whether the argument must be exact even where the caller needs only a lower bound (the function is not monotone).</summary>
    public bool ExactArgument { get; } = exactArgument;
    public override string Kind => "a function";
}

public sealed class ProcedureValue(CatProcedure proc, CatEnv env) : CatValue
{
    public CatProcedure Proc { get; } = proc;
    public CatEnv Env { get; } = env;
    public override string Kind => "a procedure";
}

/// <summary>
/// A let-bound value not computed yet. Bindings are lazy so that a model pays only for the relations its checks
/// reach: LKMM's plain-access relations (xb*, vis, ...) are never built for a test without plain accesses.
/// </summary>
public sealed class LazyValue(Func<bool, CatValue> compute) : CatValue
{
    private CatValue? _exact, _lowerBound;
    private bool _forcing;

    /// <summary>
    /// The value, computed once per mode: exact, or (where the context only needs it) possibly larger in
    /// closures, see <see cref="CatInterpreter{TSet,TRel}"/>. An exact value serves both.
    /// </summary>
    public CatValue Force(bool exact)
    {
        if (_exact is not null) return _exact;
        if (!exact && _lowerBound is not null) return _lowerBound;
        if (_forcing) throw new InvalidOperationException("a let binding depends on itself (use let rec)");
        _forcing = true;
        try
        {
            var v = compute(exact);
            if (v is LazyValue l) v = l.Force(exact);
            if (exact) _exact = v; else _lowerBound = v;
            return v;
        }
        finally { _forcing = false; }
    }

    public override string Kind => Force(true).Kind;
}

/// <summary>An immutable environment: a chain of scopes.</summary>
public sealed class CatEnv
{
    public static readonly CatEnv Empty = new(null, new Dictionary<string, CatValue>());

    private readonly CatEnv? _parent;
    private readonly Dictionary<string, CatValue> _names;

    private CatEnv(CatEnv? parent, Dictionary<string, CatValue> names) { _parent = parent; _names = names; }

    public CatEnv With(string name, CatValue value) => new(this, new Dictionary<string, CatValue> { [name] = value });

    public CatEnv With(IEnumerable<KeyValuePair<string, CatValue>> names) => new(this, new Dictionary<string, CatValue>(names));

    /// <summary>Whether the name is bound here, without computing its value.</summary>
    public bool Binds(string name)
    {
        for (var e = this; e is not null; e = e._parent)
            if (e._names.ContainsKey(name)) return true;
        return false;
    }

    public CatValue? Find(string name, bool exact = true)
    {
        for (var e = this; e is not null; e = e._parent)
            if (e._names.TryGetValue(name, out var v)) return v is LazyValue l ? l.Force(exact) : v;
        return null;
    }
}

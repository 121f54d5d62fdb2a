using Litmus.Models.Plan;

namespace Litmus.Models;

/// <summary>
/// What a cat expression evaluates to while a model runs: a set of events, a relation, a tag, a function, a
/// tuple, ... (not to be confused with the values events read and write).
/// </summary>
public abstract class CatRuntimeValue
{
    public abstract string Kind { get; }
}

/// <summary>
/// A set or relation that keeps the <see cref="CatRuntimeValue"/> wrapping it. A run of the model meets the same
/// objects again and again (values kept across runs, matrices lent again from run to run), and wrapping each anew
/// was a tenth of what a run allocated.
/// </summary>
public interface IKeepsWrapper
{
    CatRuntimeValue? Wrapper { get; set; }
}

public sealed class SetValue<TSet>(TSet set) : CatRuntimeValue where TSet : class
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
public sealed class EmptyValue : CatRuntimeValue
{
    public static readonly EmptyValue Instance = new();
    public override string Kind => "the empty set";
}

public sealed class TagValue(string tag) : CatRuntimeValue
{
    public string Tag { get; } = tag;
    public override string Kind => "a tag";
}

public sealed class StringValue(string s) : CatRuntimeValue
{
    public string Value { get; } = s;
    public override string Kind => "a string";
}

public sealed class TupleValue(IReadOnlyList<CatRuntimeValue> items) : CatRuntimeValue
{
    public IReadOnlyList<CatRuntimeValue> Items { get; } = items;
    public override string Kind => "a tuple";
}

/// <summary>An explicit collection: an enum's tags, or <c>{a, b}</c> of relations.</summary>
public sealed class CollectionValue(IReadOnlyList<CatRuntimeValue> items) : CatRuntimeValue
{
    public IReadOnlyList<CatRuntimeValue> Items { get; } = items;
    public override string Kind => "a collection";
}

/// <summary>A cat function and the frame it was defined in.</summary>
public sealed class ClosureValue(FunctionCode code, Frame env) : CatRuntimeValue
{
    public FunctionCode Code { get; } = code;
    public Frame Env { get; } = env;
    public string Name => Code.Name;
    public override string Kind => "a function";
}

public sealed class BuiltinValue(string name, Func<CatRuntimeValue, Syntax.SourceSpan, CatRuntimeValue> apply, bool exactArgument = false) : CatRuntimeValue
{
    public string Name { get; } = name;
    public Func<CatRuntimeValue, Syntax.SourceSpan, CatRuntimeValue> Apply { get; } = apply;
    /// <summary>Whether the argument must be exact even where the caller needs only a lower bound (the function is not monotone).</summary>
    public bool ExactArgument { get; } = exactArgument;
    public override string Kind => "a function";
}

/// <summary>A procedure's name used as a value (procedures are compiled at each <c>call</c>, so this is only ever an error).</summary>
public sealed class ProcedureValue(string name) : CatRuntimeValue
{
    public string Name { get; } = name;
    public override string Kind => "a procedure";
}

/// <summary>
/// A let-bound value not computed yet. Bindings are lazy so that a model pays only for the relations its checks
/// reach: LKMM's plain-access relations (xb*, vis, ...) are never built for a test without plain accesses.
/// </summary>
public abstract class LazyValue : CatRuntimeValue
{
    private CatRuntimeValue? _exact, _lowerBound;
    private bool _forcing;

    /// <summary>The value when it has been computed exactly, without computing it.</summary>
    public CatRuntimeValue? ExactIfKnown => _exact;

    /// <summary>Computes the value in one mode (see <see cref="Force"/>).</summary>
    protected abstract CatRuntimeValue Compute(bool exact);

    /// <summary>
    /// The value, computed once per mode: exact, or (where the context only needs it) possibly larger in
    /// closures, see <see cref="CatInterpreter{TSet,TRel}"/>. An exact value serves both.
    /// </summary>
    public CatRuntimeValue Force(bool exact)
    {
        if (_exact is not null) return _exact;
        if (!exact && _lowerBound is not null) return _lowerBound;
        if (_forcing) throw new InvalidOperationException("a let binding depends on itself (use let rec)");
        _forcing = true;
        try
        {
            var v = Compute(exact);
            if (v is LazyValue l) v = l.Force(exact);
            if (exact) _exact = v; else _lowerBound = v;
            return v;
        }
        finally { _forcing = false; }
    }

    public override string Kind => Force(true).Kind;
}

/// <summary>
/// The slots of one scope while a plan runs: the top level, a <c>let ... in</c>, a function or procedure call,
/// or an iterate of a recursive group. Slots hold values, or <see cref="LazyValue"/>s not computed yet.
/// </summary>
public sealed class Frame
{
    internal Frame(Frame? parent, int size) : this(parent, new CatRuntimeValue?[size]) { }

    internal Frame(Frame? parent, CatRuntimeValue?[] slots)
    {
        Parent = parent;
        Slots = slots;
    }

    public Frame? Parent { get; }

    internal CatRuntimeValue?[] Slots;

    /// <summary>The frame <paramref name="depth"/> levels up.</summary>
    internal Frame Up(int depth)
    {
        var f = this;
        for (var i = 0; i < depth; i++) f = f.Parent ?? throw new InvalidOperationException("a plan refers above the top frame");
        return f;
    }

    /// <summary>Makes room for the slots of files compiled after this frame was made.</summary>
    internal void Grow(int size)
    {
        if (Slots.Length < size) Array.Resize(ref Slots, size);
    }
}

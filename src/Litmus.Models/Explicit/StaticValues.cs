namespace Litmus.Models.Explicit;

/// <summary>
/// What the explicit checks of one test's executions share: the values that are the same in every execution
/// (built only from names whose members are known without solving, such as po, id or a tag's events) and the
/// results of operations on them. The model is run once per execution; its parts that do not depend on rf, co
/// or values (on LKMM most of ppo, the fences, the static parts of the RCU relations) are then computed once.
/// </summary>
public sealed class StaticValues
{
    private readonly HashSet<object> _static = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int Op, object A, object? B), object> _results = new();
    private readonly Dictionary<string, object> _named = new(StringComparer.Ordinal);

    public bool IsStatic(object value) => _static.Contains(value);

    /// <summary>A value known to be the same in every execution, under a name (a predefined set or relation, a tag).</summary>
    public T Named<T>(string name, Func<T> make) where T : class
    {
        if (_named.TryGetValue(name, out var v)) return (T)v;
        var made = make();
        _named[name] = made;
        _static.Add(made);
        return made;
    }

    /// <summary>The result of an operation on static operands, computed once.</summary>
    internal T Result<T>(int op, object a, object? b, Func<T> compute) where T : class
    {
        if (!_static.Contains(a) || (b is not null && !_static.Contains(b))) return compute();
        if (_results.TryGetValue((op, a, b), out var known)) return (T)known;
        var made = compute();
        _results[(op, a, b)] = made;
        _static.Add(made);
        return made;
    }
}

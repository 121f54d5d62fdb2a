namespace Litmus.Models.Explicit;

/// <summary>
/// What the explicit checks of one test's executions share: the values that are the same in every execution
/// (built only from names whose members are known without solving, such as po, id or a tag's events) and the
/// results of operations on them. The model is run once per execution; its parts that do not depend on rf, co
/// or values (on LKMM most of ppo, the fences, the static parts of the RCU relations) are then computed once.
/// A value knows whether it is one of these (<see cref="EventSet.Owner"/>): most operands are not, and telling
/// so must cost no lookup.
/// </summary>
public sealed class StaticValues
{
    private readonly Dictionary<(int Op, object A, object? B), object> _results = new();
    private readonly Dictionary<string, object?> _named = new(StringComparer.Ordinal);
    private readonly Stack<EventRelation> _free = new();
    private readonly List<EventRelation> _lent = [];

    /// <summary>
    /// An empty relation over <paramref name="n"/> events for one run of the model: one a finished run left, when
    /// there is one (cleared unless <paramref name="clear"/> is false: for a caller that writes every word).
    /// Thousands of runs per test otherwise allocate (and collect) a new matrix per operation.
    /// </summary>
    internal EventRelation TakeScratch(int n, bool clear = true)
    {
        EventRelation r;
        if (_free.Count > 0 && _free.Peek().N == n)
        {
            r = _free.Pop();
            if (clear) Array.Clear(r.Bits);
        }
        else r = new EventRelation(n);
        _lent.Add(r);
        return r;
    }

    /// <summary>
    /// Ends a run of the model: every relation it took becomes free for the next, except those that became static.
    /// Only when nothing the run computed is used any more.
    /// </summary>
    public void ReleaseScratch()
    {
        foreach (var r in _lent)
            if (r.Owner is null) _free.Push(r);
        _lent.Clear();
    }

    public bool IsStatic(object value) => value switch
    {
        EventSet s => s.Owner == this,
        EventRelation r => r.Owner == this,
        _ => false,
    };

    /// <summary>A value known to be the same in every execution, under a name (a predefined set or relation, a tag).</summary>
    public T Named<T>(string name, Func<T> make) where T : class => Shared(_named, name, static () => true, make);

    /// <summary>
    /// The value under a name: made once and shared when <paramref name="isStatic"/> (asked once per name: it walks
    /// the symbolic value), otherwise made for this execution.
    /// </summary>
    public T Named<T>(string name, Func<bool> isStatic, Func<T> make) where T : class => Shared(_named, name, isStatic, make);

    /// <summary>The events of a tag (herd's <c>'tag</c>), as <see cref="Named{T}(string, Func{bool}, Func{T})"/>: the bell's enums ask for every tag in every run.</summary>
    public T Tag<T>(string tag, Func<bool> isStatic, Func<T> make) where T : class => Shared(_tags, tag, isStatic, make);

    private readonly Dictionary<string, object?> _tags = new(StringComparer.Ordinal);

    /// <summary>
    /// The shared value under a name, if that name was asked before (<see cref="Named{T}(string, Func{bool}, Func{T})"/>):
    /// null when it is not the same in every execution. A run looks here first and makes nothing (no closures) for
    /// the values it shares.
    /// </summary>
    public bool TryNamed(string name, out object? value) => _named.TryGetValue(name, out value);

    /// <summary>As <see cref="TryNamed"/>, for a tag's events.</summary>
    public bool TryTag(string tag, out object? value) => _tags.TryGetValue(tag, out value);

    /// <summary>The value under <paramref name="key"/> in <paramref name="store"/>: shared once made when static (null marks one that is not).</summary>
    private T Shared<T>(Dictionary<string, object?> store, string key, Func<bool> isStatic, Func<T> make) where T : class
    {
        if (store.TryGetValue(key, out var v)) return v is null ? make() : (T)v;
        if (!isStatic()) { store[key] = null; return make(); }
        var made = make();
        store[key] = made;
        Mark(made);
        return made;
    }

    /// <summary>The key of an operation's result when its operands are static (null: the result is this execution's own).</summary>
    internal (int, object, object?)? Key(int op, object a, object? b) =>
        IsStatic(a) && (b is null || IsStatic(b)) ? (op, a, b) : null;

    /// <summary>The result of an operation on static operands, if computed before.</summary>
    internal T? Known<T>((int, object, object?)? key) where T : class =>
        key is { } k && _results.TryGetValue(k, out var known) ? (T)known : null;

    /// <summary>Keeps an operation's result when its operands are static (it is then static too).</summary>
    internal T Keep<T>((int, object, object?)? key, T made) where T : class
    {
        if (key is not { } k) return made;
        _results[k] = made;
        Mark(made);
        return made;
    }

    private void Mark(object value)
    {
        switch (value)
        {
            case EventSet s: s.Owner = this; break;
            case EventRelation r: r.Owner = this; break;
        }
    }
}

using Litmus.Logic;
using Litmus.Models;
using Litmus.Models.Explicit;
using Litmus.Syntax;

namespace Litmus.Encoding;

/// <summary>
/// One concrete execution of a test, for the cat interpreter: the predefined sets and relations are the
/// symbolic ones (<see cref="ExecutionRelations.Predefined"/>) with every entry's condition evaluated under the
/// execution's assignment of the encoding's variables (which events exist, rf, co, values).
/// </summary>
public sealed class ConcreteAlgebra(ExecutionRelations exec, TermEvaluator eval, StaticValues? shared = null) : BitAlgebra(exec.EventCount, shared)
{
    private readonly Dictionary<string, SetOrRel<EventSet, EventRelation>?> _predefined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventSet> _tagged = new(StringComparer.Ordinal);
    private EventSet? _all;

    public override EventSet AllEvents => _all ??= Set(exec.All, "_");

    public override SetOrRel<EventSet, EventRelation>? Predefined(string name)
    {
        if (_predefined.TryGetValue(name, out var known)) return known;
        var made = exec.Predefined(name) is { } v
            ? v.IsSet ? SetOrRel<EventSet, EventRelation>.OfSet(Set(v.Set, name)) : SetOrRel<EventSet, EventRelation>.OfRel(Rel(v.Rel, name))
            : (SetOrRel<EventSet, EventRelation>?)null;
        _predefined[name] = made;
        return made;
    }

    public override EventSet Tagged(string tag)
    {
        if (!_tagged.TryGetValue(tag, out var s)) _tagged[tag] = s = Set(exec.Tagged(tag), "'" + tag);
        return s;
    }

    /// <summary>The bell file's declarations go to the execution, which checks the test's annotations against them.</summary>
    public override void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span) =>
        exec.DeclareInstructions(eventKind, tags, span);

    /// <summary>The candidate's co, when the engine makes co (the model's choice of co is then this one).</summary>
    protected override EventRelation? ExecutionOrder() => exec.CoFromModel ? null : Predefined("co") is { IsSet: false } co ? co.Rel : null;

    protected override long? ValueOf(int e) => exec.ValueOf(e) is { } v ? eval.Value(v) : null;

    protected override long? AddressOf(int e) => exec.EventAt(e).Address is { } a ? eval.Value(a) : null;

    /// <summary>The set in this execution; one shared object for every execution when its members are known without solving.</summary>
    private EventSet Set(SymSet s, string name) => Shared.Named(name, () => s.IsConstant, () => Set(s));

    private EventRelation Rel(SymRel r, string name) => Shared.Named(name, () => r.IsConstant, () => Rel(r));

    public EventSet Set(SymSet s)
    {
        var r = new EventSet(N);
        foreach (var (e, t) in s.Members())
            if (eval.Bool(t)) r.Add(e);
        return r;
    }

    public EventRelation Rel(SymRel s)
    {
        var r = NewRelation();
        for (var a = 0; a < s.Size; a++)
            foreach (var (b, t) in s.Rows[a])
                if (eval.Bool(t)) r.Add(a, b);
        return r;
    }
}

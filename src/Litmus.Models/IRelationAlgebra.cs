using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models;

/// <summary>
/// A set of events or a relation over events: what cat expressions evaluate to, and what fixpoints iterate over.
/// A closed union of two cases: <see cref="IsSet"/> tells which, and the accessor of the other case throws.
/// </summary>
public readonly struct SetOrRel<TSet, TRel> : IEquatable<SetOrRel<TSet, TRel>> where TSet : class where TRel : class
{
    private readonly TSet? _set;
    private readonly TRel? _rel;

    private SetOrRel(TSet? set, TRel? rel) { _set = set; _rel = rel; }

    public static SetOrRel<TSet, TRel> OfSet(TSet s) => new(s ?? throw new ArgumentNullException(nameof(s)), null);
    public static SetOrRel<TSet, TRel> OfRel(TRel r) => new(null, r ?? throw new ArgumentNullException(nameof(r)));

    public bool IsSet => _set is not null;

    /// <summary>The set; only when <see cref="IsSet"/>.</summary>
    public TSet Set => _set ?? throw new InvalidOperationException("this is a relation, not a set of events");

    /// <summary>The relation; only when not <see cref="IsSet"/>.</summary>
    public TRel Rel => _rel ?? throw new InvalidOperationException("this is a set of events, not a relation");

    public T Match<T>(Func<TSet, T> ifSet, Func<TRel, T> ifRel) => _set is not null ? ifSet(_set) : ifRel(Rel);

    public bool Equals(SetOrRel<TSet, TRel> other) => ReferenceEquals(_set, other._set) && ReferenceEquals(_rel, other._rel);
    public override bool Equals(object? obj) => obj is SetOrRel<TSet, TRel> o && Equals(o);
    public override int GetHashCode() => HashCode.Combine(_set, _rel);
    public static bool operator ==(SetOrRel<TSet, TRel> a, SetOrRel<TSet, TRel> b) => a.Equals(b);
    public static bool operator !=(SetOrRel<TSet, TRel> a, SetOrRel<TSet, TRel> b) => !a.Equals(b);
}

/// <summary>What a model's check is for: an axiom (enforced), a flag (reported), or herd's <c>undefined_unless</c>.</summary>
public enum CheckRole { Axiom, Flag, UndefinedUnless }

/// <summary>
/// One check of a compiled model: <c>acyclic</c> / <c>irreflexive</c> / <c>empty</c>, possibly negated, its role,
/// its name (as written after <c>as</c>, or herd's default such as <c>acyclic hb</c>) and where it is written.
/// </summary>
public sealed record ModelCheck(CatCheckKind Kind, bool Negated, CheckRole Role, string Name, SourceSpan Span)
{
    /// <summary>
    /// An axiom that says a relation is acyclic, irreflexive or empty is only harder to satisfy when the relation
    /// is larger, so its value may be a superset (see <see cref="CatInterpreter{TSet,TRel}"/>); flags and negated
    /// checks need exact values.
    /// </summary>
    public bool LowerBoundSuffices => !Negated && Role == CheckRole.Axiom;

    /// <summary>herd's name for the flag an <c>undefined_unless</c> raises (printed <c>Flag *undef*</c>, whatever the check's name).</summary>
    public const string UndefinedFlag = "*undef*";
}

/// <summary>
/// The semantics the cat interpreter runs over. herd7 does the same: its interpreter is generic over the
/// representation of sets and relations. The encoding layer implements it with matrices of solver terms;
/// tests implement it with explicit sets of pairs.
/// </summary>
public interface IRelationAlgebra<TSet, TRel> where TSet : class where TRel : class
{
    TSet EmptySet { get; }
    /// <summary><c>_</c>: every event of the execution.</summary>
    TSet AllEvents { get; }
    TRel EmptyRelation { get; }

    /// <summary>
    /// The empty set and relation the model itself writes (the literal 0, a fixpoint's first iterate): the same in
    /// every execution, unlike an empty value an operation returns (see <see cref="IsRunInvariant(TSet)"/>).
    /// </summary>
    TSet ConstantEmptySet => EmptySet;
    TRel ConstantEmptyRelation => EmptyRelation;

    /// <summary>Whether the value is empty in every execution (known without solving).</summary>
    bool IsEmpty(TSet s);
    bool IsEmpty(TRel r);

    TSet Union(TSet a, TSet b);
    TSet Inter(TSet a, TSet b);
    TSet Diff(TSet a, TSet b);

    TRel Union(TRel a, TRel b);
    TRel Inter(TRel a, TRel b);
    TRel Diff(TRel a, TRel b);
    TRel Seq(TRel a, TRel b);
    TRel Inverse(TRel r);
    /// <summary>
    /// Transitive closure <c>r+</c>. When <paramref name="exact"/> is false the caller only needs a relation that
    /// contains the closure in every execution (it feeds an axiom positively), which may be cheaper to build.
    /// </summary>
    TRel Plus(TRel r, bool exact);
    TRel Product(TSet a, TSet b);
    /// <summary><c>[S]</c>.</summary>
    TRel Identity(TSet s);
    TSet Domain(TRel r);
    TSet Range(TRel r);
    /// <summary>The pairs of <paramref name="r"/> whose events have different values (herd's <c>different-values</c>).</summary>
    TRel DifferentValues(TRel r);
    TRel SameValues(TRel r);

    /// <summary>A name the execution defines (<c>po</c>, <c>rf</c>, <c>R</c>, <c>IW</c>, ...), or null.</summary>
    SetOrRel<TSet, TRel>? Predefined(string name);

    /// <summary>The events annotated with <paramref name="tag"/> (bound by the interpreter to the tag's capitalised name).</summary>
    TSet Tagged(string tag);

    /// <summary>
    /// The least fixpoint of <paramref name="step"/> above <paramref name="start"/> (the first iterate), as used by
    /// <c>let rec</c>. The implementation decides how (iteration, or an encoding that is exact in any polarity).
    /// When <paramref name="exact"/> is false the caller, as for <see cref="Plus"/>, only needs values that contain
    /// the least fixpoint in every execution.
    /// </summary>
    IReadOnlyList<SetOrRel<TSet, TRel>> LeastFixpoint(IReadOnlyList<SetOrRel<TSet, TRel>> start,
        Func<IReadOnlyList<SetOrRel<TSet, TRel>>, IReadOnlyList<SetOrRel<TSet, TRel>>> step, SourceSpan span, bool exact);

    /// <summary>The possible members of a set one by one, each as a singleton set that holds when the member is there (for <c>map</c>).</summary>
    IReadOnlyList<TSet> Elements(TSet s);

    /// <summary>The possible pairs of a relation one by one, each as a one-pair relation.</summary>
    IReadOnlyList<TRel> Pairs(TRel r);

    /// <summary>herd's <c>partition</c>: the events of the set grouped by the location they access, one set per location.</summary>
    IReadOnlyList<TSet> PartitionByLocation(TSet s);

    /// <summary>
    /// A choice the execution makes, as herd's <c>with x from S</c> makes one candidate execution per element:
    /// the result is one of the options that are there (an option is there when all its witness sets are
    /// non-empty). When the group is there (all of <paramref name="present"/> non-empty) and no option is, the
    /// execution does not exist; when the group is not there, the result is empty.
    /// </summary>
    TRel ChooseOne(IReadOnlyList<TSet> present, IReadOnlyList<(IReadOnlyList<TSet> Witness, TRel Option)> options);

    /// <summary>
    /// A strict total order of <paramref name="s"/> containing <paramref name="order"/> restricted to s, chosen by the
    /// execution (herd's <c>linearisations</c>); there is none when that restriction is cyclic. Empty when the
    /// group is not there (see <see cref="ChooseOne"/>).
    /// </summary>
    TRel Linearisation(IReadOnlyList<TSet> present, TSet s, TRel order);

    /// <summary>An axiom (enforced) or a flag (reported): acyclic / irreflexive / empty, possibly negated.</summary>
    void Check(ModelCheck check, SetOrRel<TSet, TRel> value);

    /// <summary>
    /// Whether the rest of the model can be skipped: an explicit check that only asks whether one execution is
    /// allowed is done at its first failed axiom (the rest of the model, often its costliest part, would not
    /// change the answer).
    /// </summary>
    bool Finished => false;

    /// <summary>
    /// Whether <see cref="Plus"/> and <see cref="LeastFixpoint"/> are exact whatever they are asked (an algebra over
    /// one concrete execution computes the closure anyway): the interpreter then evaluates every binding once,
    /// instead of once for each mode it is used in.
    /// </summary>
    bool BoundsAreExact => false;

    /// <summary>
    /// Whether the value is the same in every run of the model over this test (see <see cref="RunInvariantValues"/>);
    /// false when the algebra does not tell.
    /// </summary>
    bool IsRunInvariant(TSet s) => false;

    /// <inheritdoc cref="IsRunInvariant(TSet)"/>
    bool IsRunInvariant(TRel r) => false;

    /// <summary>
    /// Whether <see cref="DeclareInstructions"/> is still to be told (false for all but the first of many runs over
    /// one test: the declarations are the model's, the same every run).
    /// </summary>
    bool WantsInstructions => true;

    /// <summary><c>instructions R[Accesses]</c>: events of that kind may carry only these tags.</summary>
    void DeclareInstructions(string eventKind, IReadOnlyCollection<string> tags, SourceSpan span);
}

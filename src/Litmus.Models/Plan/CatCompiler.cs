using System.Collections.Immutable;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Models.Plan;

/// <summary>
/// Compiles cat files into a <see cref="CatPlan"/>. Scoping is static in cat (herd's interpreter binds names
/// lexically), so each name can be resolved here once: to a slot of a frame some levels up, to a builtin, or
/// to a name the execution predefines. A top-level <c>let</c> gets new slots in the top frame (a name bound
/// again gets a new slot, so earlier definitions keep seeing the old value); <c>let ... in</c>, a function call
/// and a procedure call each make a frame of their own.
/// </summary>
internal sealed partial class CatCompiler(IModelResolver resolver, IReadOnlySet<string> variants)
{
    /// <summary>herd's stdlib functions (the interpreter's builtins), found after the model's own names.</summary>
    internal static readonly IReadOnlySet<string> BuiltinNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "emptyset", "domain", "range", "fencerel", "toid", "different-values", "same-value",
        "map", "partition", "linearisations", "cross", "singlestep",
    };

    /// <summary>How deep procedure calls may nest (each call is compiled in place; a recursive procedure never ends).</summary>
    private const int MaxCallDepth = 64;

    private Scope _scope = Scope.Top(new FrameLayout());
    private readonly HashSet<string> _reading = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _predefined = new(StringComparer.Ordinal);
    private readonly List<(string, SourceSpan)> _mustBePredefined = [];
    private readonly HashSet<string> _mustBePredefinedNames = new(StringComparer.Ordinal);
    private int _callDepth;

    /// <summary>The frame layout being compiled: its size grows as bindings are added.</summary>
    internal sealed class FrameLayout
    {
        public int Size;
    }

    /// <summary>What a name means at some point of the model.</summary>
    private abstract record Entry;

    private sealed record SlotEntry(int Slot) : Entry;

    private sealed record ProcedureEntry(CatProcedure Procedure, Scope Definition) : Entry;

    /// <summary>The names visible at some point: those of one frame, then (one level up) those of the enclosing frames.</summary>
    private sealed record Scope(FrameLayout FrameLayout, Scope? Parent, ImmutableDictionary<string, Entry> Names)
    {
        public static Scope Top(FrameLayout frame) => new(frame, null, ImmutableDictionary.Create<string, Entry>(StringComparer.Ordinal));

        public Scope Child(FrameLayout frame) => new(frame, this, ImmutableDictionary.Create<string, Entry>(StringComparer.Ordinal));

        public Scope With(string name, Entry e) => this with { Names = Names.SetItem(name, e) };

        public (Entry Entry, int Depth)? Find(string name)
        {
            var depth = 0;
            for (var s = this; s is not null; s = s.Parent, depth++)
                if (s.Names.TryGetValue(name, out var e)) return (e, depth);
            return null;
        }

        /// <summary>Frames from this scope's up to <paramref name="frame"/>.</summary>
        public int DepthOf(FrameLayout frame)
        {
            var depth = 0;
            for (var s = this; s is not null; s = s.Parent, depth++)
                if (s.FrameLayout == frame) return depth;
            throw new InvalidOperationException("a procedure called outside the frames it was defined in");
        }
    }

    /// <summary>The top-level statements of one file, continuing from the files compiled before.</summary>
    public List<PlanStep> CompileFile(CatModel model)
    {
        var path = Path.GetFullPath(model.Path);
        _reading.Add(path);
        try
        {
            var steps = new List<PlanStep>();
            _scope = Statements(model.Statements, model.Path, _scope, steps);
            return steps;
        }
        finally { _reading.Remove(path); }
    }

    public CatPlan Snapshot(IReadOnlyList<PlanStep> steps) => new()
    {
        Steps = steps,
        TopFrameSize = _scope.FrameLayout.Size,
        TopNames = _scope.Names.Where(kv => kv.Value is SlotEntry)
            .ToDictionary(kv => kv.Key, kv => ((SlotEntry)kv.Value).Slot, StringComparer.Ordinal),
        PredefinedNames = _predefined.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToList(),
        MustBePredefined = [.. _mustBePredefined],
    };

    private Scope Statements(IEnumerable<CatStmt> statements, string file, Scope scope, List<PlanStep> steps)
    {
        foreach (var s in statements) scope = Statement(s, file, scope, steps);
        return scope;
    }

    private Scope Statement(CatStmt s, string file, Scope scope, List<PlanStep> steps)
    {
        switch (s)
        {
            case CatLet let:
            {
                var (group, after) = Group(let.Recursive, let.Bindings, scope, newFrame: false, let.Span);
                steps.Add(new BindStep(group));
                return after;
            }
            case CatInclude inc:
                return Include(inc, file, scope, steps);
            case CatCheck check:
                steps.Add(new CheckStep(new ModelCheck(check.Kind, check.Negated,
                    check.IsUndefinedUnless ? CheckRole.UndefinedUnless : check.IsFlag ? CheckRole.Flag : CheckRole.Axiom,
                    check.Name ?? DefaultCheckName(check), check.Span), Expr(check.Expr, scope)));
                return scope;
            case CatShow:
                return scope;
            case CatEnum en:
            {
                var tags = new List<(string, int)>();
                foreach (var tag in en.Tags)
                {
                    var slot = scope.FrameLayout.Size++;
                    tags.Add((tag, slot));
                    scope = scope.With(Capitalise(tag), new SlotEntry(slot));
                }
                var nameSlot = scope.FrameLayout.Size++;
                steps.Add(new EnumStep(tags, nameSlot, new CollectionValue(en.Tags.Select(t => (CatRuntimeValue)new TagValue(t)).ToList()), en.Span));
                return scope.With(en.Name, new SlotEntry(nameSlot));
            }
            case CatInstructions ins:
                steps.Add(new InstructionsStep(ins.EventKind, Expr(ins.Annotations, scope), ins.Span));
                return scope;
            case CatProcedure proc:
                return scope.With(proc.Name, new ProcedureEntry(proc, scope));
            case CatCall call:
                steps.Add(Call(call, file, scope));
                return scope;
            case CatIfStmt ifs:
                return Statements(Variant(ifs.Condition) ? ifs.Then : ifs.Else, file, scope, steps);
            case CatWith with:
            {
                var from = Expr(with.From, scope);
                var slot = scope.FrameLayout.Size++;
                steps.Add(new WithStep(slot, from, with.Span));
                return scope.With(with.Name, new SlotEntry(slot));
            }
            default:
                throw new LitmusInputException(s.Span, "this cat statement is not supported");
        }
    }

    /// <summary>herd's name for a check without <c>as</c>: <c>acyclic hb</c>, <c>~empty</c>, ...</summary>
    private static string DefaultCheckName(CatCheck check) =>
        (check.Negated ? "~" : "") + check.Kind.ToString().ToLowerInvariant() + (check.Expr is CatName n ? " " + n.Name : "");

    /// <summary>The condition of <c>if</c>: a variant name in quotes, known when the model is compiled.</summary>
    private bool Variant(CatExpr condition) => condition is CatStringLiteral s
        ? variants.Contains(s.Value)
        : throw new LitmusInputException(condition.Span, "a condition must be a variant name in quotes, e.g. \"lkmmv2\"");

    private Scope Include(CatInclude inc, string file, Scope scope, List<PlanStep> steps)
    {
        var model = resolver.Load(inc.File, file, inc.Span);
        // A file included twice is read twice, like herd: its definitions then see the names as they are at the
        // second include (lock.cat includes cross.cat, and cos-opt.cat includes it again after W has grown).
        var path = Path.GetFullPath(model.Path);
        if (!_reading.Add(path)) throw new LitmusInputException(inc.Span, $"'{inc.File}' includes itself");
        try { return Statements(model.Statements, model.Path, scope, steps); }
        finally { _reading.Remove(path); }
    }

    private CallStep Call(CatCall call, string file, Scope scope)
    {
        if (scope.Find(call.Name)?.Entry is not ProcedureEntry proc)
            throw new LitmusInputException(call.Span, $"'{call.Name}' is not a procedure");
        if (_callDepth >= MaxCallDepth) throw new LitmusInputException(call.Span, $"procedure calls nest deeper than {MaxCallDepth}");
        var argument = Expr(call.Argument, scope);
        var frame = new FrameLayout { Size = proc.Procedure.Parameters.Count };
        var body = Parameters(proc.Definition.Child(frame), proc.Procedure.Parameters);
        var steps = new List<PlanStep>();
        _callDepth++;
        try { Statements(proc.Procedure.Body, file, body, steps); }
        finally { _callDepth--; }
        return new CallStep(scope.DepthOf(proc.Definition.FrameLayout), proc.Procedure.Parameters.Count, frame.Size, argument, steps, call.Span);
    }

    private static Scope Parameters(Scope scope, IReadOnlyList<string> parameters)
    {
        for (var i = 0; i < parameters.Count; i++) scope = scope.With(parameters[i], new SlotEntry(i));
        return scope;
    }
}

using Litmus.Events;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>A shared location of the test: its C element type, its array size if any, and its initial value.</summary>
public sealed record HarnessLocation(string Name, string CType, int? ArraySize, Expr? Init, int Index);

/// <summary>A value the harness records at the end of each instance: a register's or a location's final value.</summary>
/// <param name="Name">As the model's states name it: <c>0:r0</c> for a register, <c>[x]</c> for a location.</param>
public sealed record ObservedSlot(string Name, int? Thread, string Register, string? Location);

/// <summary>
/// The shape of a test as the harness lays it out: its locations and types, and the values each instance
/// records. The observed values are those of the model's states (the condition's and <c>locations [...]</c>'s,
/// registers first, each sorted), plus those the filter reads.
/// </summary>
public sealed class TestLayout
{
    public IReadOnlyList<HarnessLocation> Locations { get; }
    public IReadOnlyList<ObservedSlot> Observed { get; }
    /// <summary>How many of <see cref="Observed"/> the states show (the rest are read by the filter only).</summary>
    public int Shown { get; }

    private TestLayout(List<HarnessLocation> locations, List<ObservedSlot> observed, int shown) =>
        (Locations, Observed, Shown) = (locations, observed, shown);

    public HarnessLocation? Location(string name) => Locations.FirstOrDefault(l => l.Name == name);

    public static TestLayout Of(LitmusTest test)
    {
        if (test.Scopes is not null && Processes(test) > 1)
            throw new NoFaithfulMappingException(test.Scopes.Span,
                "threads in different processes (scopes with several proc nodes) are not run yet: the harness runs one process");
        var names = new List<string>();
        var types = new Dictionary<string, string>();
        var sizes = new Dictionary<string, int?>();
        var inits = new Dictionary<string, Expr?>();
        foreach (var item in test.Init.Where(i => i.Thread is null && i.Name != ProgramBuilder.RegistrationName))
        {
            if (!names.Contains(item.Name)) names.Add(item.Name);
            if (item.Type is { } t) types[item.Name] = CTypes.Of(t, t.PointerDepth);
            sizes[item.Name] = item.ArraySize;
            inits[item.Name] = item.Value;
        }
        foreach (var thread in test.Threads)
            foreach (var p in thread.Parameters)
            {
                if (!names.Contains(p.Name)) names.Add(p.Name);
                if (!types.ContainsKey(p.Name)) types[p.Name] = CTypes.Of(p.Type, Math.Max(0, p.Type.PointerDepth - 1));
            }
        // herd makes a location of a name that only appears as an initial value (p=y; with y declared nowhere).
        foreach (var item in test.Init)
            if (item.Value is NameExpr or AddressOfExpr { Target: NameExpr } && item.Value is var v
                && (v is NameExpr n ? n.Name : ((NameExpr)((AddressOfExpr)v).Target).Name) is var target
                && !names.Contains(target) && PrimitiveMap.CommandName(new NameExpr(target, v.Span)) is null)
                names.Add(target);
        var locations = names.Select((n, i) => new HarnessLocation(n, types.GetValueOrDefault(n, "int"), sizes.GetValueOrDefault(n), inits.GetValueOrDefault(n), i)).ToList();

        var shown = new List<ObservedSlot>();
        foreach (var o in Prop.Operands(test.Condition.Proposition).Concat(test.ObservedLocations)) Add(shown, o, locations);
        shown = [.. shown.OrderBy(s => s.Thread is null ? 1 : 0).ThenBy(s => s.Thread is null ? s.Location : s.Name, StringComparer.Ordinal)];
        var all = new List<ObservedSlot>(shown);
        foreach (var o in Prop.Operands(test.Filter)) Add(all, o, locations);
        return new TestLayout(locations, all, shown.Count);
    }

    private static void Add(List<ObservedSlot> slots, Operand o, List<HarnessLocation> locations)
    {
        ObservedSlot? slot = o switch
        {
            RegisterOperand r => new ObservedSlot($"{r.Thread}:{r.Register}", r.Thread, r.Register, null),
            NameOperand n => new ObservedSlot($"[{n.Name}]", null, "", n.Name),
            ValueOfOperand v => new ObservedSlot($"[{v.Name}]", null, "", v.Name),
            _ => null,
        };
        if (slot is null || slots.Any(s => s.Name == slot.Name)) return;
        if (slot.Location is { } name && locations.FirstOrDefault(l => l.Name == name) is not { ArraySize: null })
            throw new NoFaithfulMappingException(o.Span, $"the final value of '{name}' cannot be recorded (not a scalar location of the test)");
        slots.Add(slot);
    }

    /// <summary>How many processes the scope tree makes: each <c>proc</c> node, and each thread no such node lists.</summary>
    private static int Processes(LitmusTest test)
    {
        var covered = new HashSet<int>();
        var procs = 0;
        void Walk(ScopeTree node, bool inProc)
        {
            if (node.Kind == "proc") procs++;
            var under = inProc || node.Kind == "proc";
            if (under) covered.UnionWith(node.Threads);
            foreach (var c in node.Children) Walk(c, under);
        }
        Walk(test.Scopes!, false);
        return procs + test.Threads.Count(t => !covered.Contains(t.Index));
    }
}

/// <summary>C spellings of the types litmus tests declare.</summary>
public static class CTypes
{
    /// <summary>The type with <paramref name="depth"/> stars; SRCU structures have no user-space counterpart.</summary>
    public static string Of(TypeName t, int depth)
    {
        if (t.Base.StartsWith("struct srcu_struct", StringComparison.Ordinal))
            throw new NoFaithfulMappingException(t.Span, "SRCU has no user-space implementation to run");
        return depth == 0 ? t.Base : t.Base + " " + new string('*', depth);
    }

    /// <summary><c>int *x</c>, not <c>int * x</c>.</summary>
    public static string Declare(string type, string name) => type.EndsWith('*') ? type + name : type + " " + name;
}

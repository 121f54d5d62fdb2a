using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>
/// Options of the event semantics that differ between checkers. There are none today: the semantics is herd7's
/// (the switch for ctrl after an <c>if</c> was never turned on and is gone); the record keeps the callers' slot.
/// </summary>
public sealed record EventOptions;

/// <summary>Turns a parsed test and the macro file into a <see cref="LitmusProgram"/>.</summary>
public sealed partial class ProgramBuilder
{
    /// <summary>Locations get addresses far from the small integers tests use, so a pointer never equals a data value by accident.</summary>
    public const long AddressBase = 1L << 40;
    public const long AddressStride = 1L << 20;

    internal TermFactory F { get; }
    internal MacroTable Macros { get; }
    internal EventOptions Options { get; }
    internal List<Event> Events { get; } = [];
    internal List<Edge> Rmw { get; } = [];
    internal List<Edge> SingleEventRmw { get; } = [];
    internal List<Edge> Addr { get; } = [];
    internal List<Edge> Data { get; } = [];
    internal List<Edge> Ctrl { get; } = [];
    internal List<Computation> Computations { get; } = [];
    internal List<Pin> Pins { get; } = [];
    private readonly Dictionary<string, Location> _locations = new(StringComparer.Ordinal);
    private readonly LitmusTest _test;

    private ProgramBuilder(LitmusTest test, MacroTable macros, EventOptions options, TermFactory f)
    {
        _test = test; Macros = macros; Options = options; F = f;
    }

    public static LitmusProgram Build(LitmusTest test, MacroTable macros, EventOptions? options = null, TermFactory? terms = null)
    {
        var b = new ProgramBuilder(test, macros, options ?? new EventOptions(), terms ?? new TermFactory());
        return b.Run();
    }

    internal Location? FindLocation(string name) => _locations.GetValueOrDefault(name);

    internal int AddEvent(Event e)
    {
        Events.Add(e);
        return e.Id;
    }

    internal int NextEventId => Events.Count;

    private LitmusProgram Run()
    {
        DeclareLocations();
        ReadMembarrierSetup();
        var registerInits = RegisterInitialisers();
        var finals = new Dictionary<(int, string), Term>();
        foreach (var thread in _test.Threads.OrderBy(t => t.Index))
        {
            var tb = new ThreadBuilder(this, thread.Index);
            foreach (var p in thread.Parameters)
                tb.BindParameter(p.Name, F.WordConst(_locations[p.Name].Address));
            foreach (var ((t, reg), value) in registerInits)
                if (t == thread.Index) tb.BindParameter(reg, value);
            tb.Run(thread.Body);
            foreach (var (reg, value) in tb.Registers) finals[(thread.Index, reg)] = value.Term;
            AddCompilerOrder(thread.Index);
        }
        var membarriers = AddHandlers();
        foreach (var ((t, reg), value) in registerInits)
            finals.TryAdd((t, reg), value);
        return new LitmusProgram
        {
            Test = _test, Terms = F, Locations = _locations.Values.OrderBy(l => l.InitEvent).ToList(),
            Events = Events, ThreadCount = _test.Threads.Count == 0 ? 0 : _test.Threads.Max(t => t.Index) + 1,
            Rmw = Rmw, SingleEventRmw = SingleEventRmw, Addr = Addr, Data = Data, Ctrl = Ctrl, FinalRegisters = finals,
            Computations = Computations, Pins = Pins,
            Membarriers = membarriers, CompilerOrder = _compilerOrder, SameSideGroups = SameSideGroups, Warnings = Warnings,
        };
    }

    /// <summary>
    /// Every location the test names (init block, thread parameters, condition, locations clause) gets an address
    /// and an initial write; initial writes come first in the event list.
    /// </summary>
    private void DeclareLocations()
    {
        var declared = new List<(string Name, SourceSpan Span)>();
        foreach (var item in _test.Init.Where(i => i.Thread is null && !IsRegistrationLine(i)))
        {
            if (item.ArraySize is not null)
                throw new LitmusInputException(item.Span, $"array '{item.Name}' in the init block is not supported; declare one location per element");
            declared.Add((item.Name, item.Span));
        }
        foreach (var t in _test.Threads)
            foreach (var p in t.Parameters)
                declared.Add((p.Name, p.Span));
        // herd makes a location of any name an initial value points to (p=y; with y named nowhere else).
        foreach (var item in _test.Init.Where(i => !IsRegistrationLine(i)))
            if (item.Value is NameExpr or AddressOfExpr { Target: NameExpr })
                declared.Add(item.Value is NameExpr n ? (n.Name, n.Span) : (((NameExpr)((AddressOfExpr)item.Value).Target).Name, item.Value.Span));
        foreach (var (name, span) in declared)
        {
            if (_locations.ContainsKey(name)) continue;
            var address = AddressBase + _locations.Count * AddressStride;
            _locations[name] = new Location(name, address, F.WordConst(0), -1, span);
        }
        // Initial values may name other locations (int *p = &x), so they are read once every address is known.
        var inits = new Dictionary<string, Term>();
        foreach (var item in _test.Init.Where(i => i.Thread is null && i.Value is not null && !IsRegistrationLine(i)))
            inits[item.Name] = InitialValue(item.Value!);
        var ordered = _locations.Values.ToList();
        _locations.Clear();
        foreach (var loc in ordered)
        {
            var value = inits.GetValueOrDefault(loc.Name) ?? F.WordConst(0);
            var id = AddEvent(new Event
            {
                Id = NextEventId, Thread = -1, Kind = EventKind.Write, Tags = EmptySet, Classes = EmptySet,
                Guard = F.True, Address = F.WordConst(loc.Address), Value = value, Position = 0,
                Span = loc.Span, Text = $"{loc.Name} = {TermPrinter.Print(value)}",
            });
            _locations[loc.Name] = loc with { InitialValue = value, InitEvent = id };
        }
    }

    internal static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private Dictionary<(int, string), Term> RegisterInitialisers()
    {
        var result = new Dictionary<(int, string), Term>();
        foreach (var item in _test.Init.Where(i => i.Thread is not null))
        {
            if (_test.Threads.All(t => t.Index != item.Thread))
                throw new LitmusInputException(item.Span, $"the init block sets {item.Thread}:{item.Name}, but there is no thread P{item.Thread}");
            result[(item.Thread!.Value, item.Name)] = item.Value is null ? F.WordConst(0) : InitialValue(item.Value);
        }
        return result;
    }

    /// <summary>An initial value: an integer, a location (its address: <c>x1=y2</c>, <c>int *p = &amp;x</c>), or <c>ATOMIC_INIT(n)</c>.</summary>
    private Term InitialValue(Expr e) => e switch
    {
        IntLiteral i => F.WordConst(i.Value),
        UnaryExpr { Operator: "-" } u => F.Neg(InitialValue(u.Operand)),
        NameExpr n => F.WordConst(AddressOf(n.Name, n.Span)),
        AddressOfExpr { Target: NameExpr n } => F.WordConst(AddressOf(n.Name, n.Span)),
        CallExpr { Function: "ATOMIC_INIT", Arguments.Count: 1 } c => InitialValue(c.Arguments[0]),
        CastExpr c => InitialValue(c.Operand),
        _ => throw new LitmusInputException(e.Span, "an initial value must be an integer, a location, &location or ATOMIC_INIT(n)"),
    };

    private long AddressOf(string name, SourceSpan span) =>
        _locations.TryGetValue(name, out var l) ? l.Address
            : throw new LitmusInputException(span, $"'{name}' is not a location of this test (declare it in the init block or as a thread parameter)");
}

using System.Reflection;
using System.Text;
using Litmus.Events;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>A generated harness: its C source, what it needs to build, and what the report must say about it.</summary>
/// <param name="Registrations">membarrier REGISTER_* commands issued once at start-up.</param>
/// <param name="PlainAccesses">Per thread, the lines whose accesses are plain C.</param>
public sealed record HarnessSource(
    string Code, TestLayout Layout, bool UsesRcu, bool UsesMembarrier, IReadOnlyList<string> Registrations,
    IReadOnlyDictionary<int, IReadOnlyList<int>> PlainAccesses)
{
    /// <summary>gcc's options; they go into the build's content hash with the code.</summary>
    public IReadOnlyList<string> GccArguments => UsesRcu
        ? ["-O2", "-std=gnu11", "-pthread", "-lurcu-memb", "-lurcu-common"]
        : ["-O2", "-std=gnu11", "-pthread"];
}

/// <summary>
/// Turns a litmus test into a C program that runs it many times on this machine (see Runtime/harness-main.c
/// for the driver, Runtime/harness-runtime.h for the primitives).
/// </summary>
public static class HarnessGenerator
{
    public const int MaxThreads = 64;

    /// <summary>The C harness of a test.</summary>
    /// <exception cref="NoFaithfulMappingException">The test uses something the harness cannot run faithfully.</exception>
    public static HarnessSource Generate(LitmusTest test)
    {
        if (test.Threads.Count > MaxThreads)
            throw new NoFaithfulMappingException(test.NameSpan, $"more than {MaxThreads} threads");
        var layout = TestLayout.Of(test);
        var threads = test.Threads.Select(t => new ThreadTranslator(test, t, layout)).ToList();
        var functions = threads.Select(t => t.Translate()).ToList();
        var usesRcu = threads.Any(t => t.Context.UsesRcu);
        var registrations = new SortedSet<string>(threads.SelectMany(t => t.Context.Registrations), StringComparer.Ordinal);
        foreach (var item in test.Init.Where(i => i.Thread is null && i.Name == ProgramBuilder.RegistrationName))
            if (item.Value is { } v && PrimitiveMap.CommandName(v) is { } name && MembarrierCommands.Parse(name) is { } cmd)
                registrations.Add(MembarrierCommands.Name(cmd.IsRegistration ? cmd : MembarrierCommands.RegistrationFor(cmd) ?? cmd));
        registrations.RemoveWhere(r => !r.Contains("REGISTER", StringComparison.Ordinal));

        var c = new StringBuilder();
        c.Append($"/* Litmus hardware harness for {test.Name} ({Path.GetFileName(test.Path)}), generated: do not edit. */\n");
        c.Append(Resource("harness-runtime.h"));
        if (usesRcu) c.Append("#include <urcu/urcu-memb.h>\n");
        c.Append($"\n#define LITMUS_THREADS {test.Threads.Count}\n");
        c.Append($"#define LITMUS_OBSERVED {layout.Observed.Count}\n");
        c.Append($"#define LITMUS_USES_RCU {(usesRcu ? 1 : 0)}\n\n");
        Locations(c, layout);
        Outputs(c, layout);
        Allocate(c, layout);
        Reset(c, layout);
        foreach (var f in functions) c.Append('\n').Append(f);
        Dispatch(c, test);
        Observe(c, layout);
        Register(c, registrations);
        c.Append('\n').Append(Resource("harness-main.c"));
        var plain = threads.Where(t => t.PlainAccessLines.Count > 0)
            .ToDictionary(t => t.Context.Thread, t => (IReadOnlyList<int>)[.. t.PlainAccessLines]);
        return new HarnessSource(c.ToString(), layout, usesRcu, threads.Any(t => t.Context.UsesMembarrier), [.. registrations], plain);
    }

    /// <summary>The instance a generated function works on (a name no test uses for a register).</summary>
    public const string Instance = "litmus_i";

    /// <summary>The array holding location <paramref name="name"/> of every instance.</summary>
    public static string Storage(string name) => $"litmus_loc_{name}";

    /// <summary>The array holding an observed register of every instance.</summary>
    public static string Output(ObservedSlot slot) => $"litmus_out_{slot.Thread}_{slot.Register}";

    /// <summary>An init value: a constant, or a location's address (<c>&amp;x</c>, or a bare <c>x</c> as herd reads it).</summary>
    public static string InitValue(Expr e, TestLayout layout) => e switch
    {
        IntLiteral i => ThreadTranslator.CLiteral(i.Value),
        NameExpr n when layout.Location(n.Name) is not null => $"&{Storage(n.Name)}[{Instance}]",
        NameExpr n when PrimitiveMap.CommandName(n) is { } cmd => cmd,
        AddressOfExpr { Target: NameExpr n } when layout.Location(n.Name) is not null => $"&{Storage(n.Name)}[{Instance}]",
        UnaryExpr { Operator: "-", Operand: IntLiteral i } => ThreadTranslator.CLiteral(-i.Value),
        CallExpr { Function: "ATOMIC_INIT", Arguments: [var v] } => InitValue(v, layout),
        _ => throw new NoFaithfulMappingException(e.Span, "this initial value has no mapping (a constant or a location's address is expected)"),
    };

    private static void Locations(StringBuilder c, TestLayout layout)
    {
        foreach (var l in layout.Locations)
            c.Append(l.ArraySize is { } n ? $"static {l.CType} (*{Storage(l.Name)})[{n}];\n" : $"static {CTypes.Declare(l.CType, "*" + Storage(l.Name))};\n");
        c.Append("static const char *const litmus_location_names[] = {");
        c.Append(string.Join(", ", layout.Locations.Select(l => $"\"{l.Name}\"").DefaultIfEmpty("\"\"")));
        c.Append("};\n");
    }

    private static void Outputs(StringBuilder c, TestLayout layout)
    {
        foreach (var s in layout.Observed.Where(s => s.Thread is not null))
            c.Append($"static long long *{Output(s)};\n");
    }

    private static void Allocate(StringBuilder c, TestLayout layout)
    {
        c.Append("\nstatic int litmus_allocate(long size)\n{\n");
        foreach (var l in layout.Locations)
            c.Append($"\tif (!({Storage(l.Name)} = calloc((size_t)size, sizeof *{Storage(l.Name)}))) return 0;\n");
        foreach (var s in layout.Observed.Where(s => s.Thread is not null))
            c.Append($"\tif (!({Output(s)} = calloc((size_t)size, sizeof *{Output(s)}))) return 0;\n");
        c.Append("\treturn 1;\n}\n");
    }

    private static void Reset(StringBuilder c, TestLayout layout)
    {
        c.Append($"\nstatic void litmus_reset(long {Instance})\n{{\n");
        foreach (var l in layout.Locations)
        {
            var value = l.Init is { } e ? $"({l.CType})(intptr_t)({InitValue(e, layout)})" : $"({l.CType})0";
            if (l.ArraySize is { } n)
                c.Append($"\tfor (int k = 0; k < {n}; k++) {Storage(l.Name)}[{Instance}][k] = {value};\n");
            else
                c.Append($"\t{Storage(l.Name)}[{Instance}] = {value};\n");
        }
        c.Append("}\n");
    }

    private static void Dispatch(StringBuilder c, LitmusTest test)
    {
        c.Append("\nstatic void litmus_run(int tid, long i)\n{\n\tswitch (tid) {\n");
        foreach (var (t, k) in test.Threads.Select((t, k) => (t, k)))
            c.Append($"\tcase {k}: {ThreadTranslator.FunctionName(t)}(i); break;\n");
        c.Append("\t}\n}\n");
    }

    private static void Observe(StringBuilder c, TestLayout layout)
    {
        c.Append("\nstatic void litmus_observe(long i, long long *v)\n{\n");
        foreach (var (s, k) in layout.Observed.Select((s, k) => (s, k)))
            c.Append(s.Thread is null
                ? $"\tv[{k}] = (long long)(intptr_t){Storage(s.Location!)}[i];\n"
                : $"\tv[{k}] = {Output(s)}[i];\n");
        c.Append("}\n\nstatic int litmus_location_index(long i, long long v)\n{\n");
        foreach (var l in layout.Locations)
            c.Append($"\tif (v == (long long)(intptr_t)&{Storage(l.Name)}[i]) return {l.Index};\n");
        c.Append("\treturn -1;\n}\n");
    }

    private static void Register(StringBuilder c, IEnumerable<string> registrations)
    {
        c.Append("\nstatic void litmus_register(void)\n{\n");
        foreach (var r in registrations) c.Append($"\tlitmus_membarrier_register({r}, \"{r}\");\n");
        c.Append("}\n");
    }

    private static string Resource(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the harness resource {name} is missing from the build");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}

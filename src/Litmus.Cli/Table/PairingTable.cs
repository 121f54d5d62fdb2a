using Litmus.Models;
using Litmus.Syntax;

namespace Litmus.Checking;

/// <summary>
/// The barrier pairing table of sys_membarrier(): for each pair of primitives (one per thread) it generates the
/// two-thread shapes whose weak outcome needs both threads' accesses reordered across their primitive, checks
/// them, and calls the cell ordered (O) when every shape is Never, not ordered (X) when one is reachable. The
/// table comes out of the checker: nothing here knows what any primitive means. The tests are written in the
/// model's dialect (<see cref="Dialect"/>): kernel primitives for the LKMM, C11 atomics for RC11.
/// </summary>
public static class PairingTable
{
    /// <summary>A primitive of the table: its label (row and column heading), the short name used in test names, and the statement written.</summary>
    public sealed record Primitive(string Label, string Short, string Code);

    /// <summary>
    /// How the generated tests are written for one family of models. <see cref="Primitives"/> are, in this order,
    /// the compiler barrier, the full fence and the membarrier call; the documented table is the same for every
    /// dialect, by position: ordered exactly when either side is the membarrier call or both are full fences.
    /// <see cref="PortableModel"/> is the model that promise is made for (a stronger one may order more).
    /// </summary>
    public sealed record Dialect(string Name, Primitive[] Primitives, string PointerType, string Init,
        Func<string, string> Load, Func<string, int, string> Store, string PortableModel)
    {
        public bool DocumentedOrdered(string row, string column)
        {
            int Rank(string p) => Array.FindIndex(Primitives, x => x.Label == p);
            return Rank(row) == 2 || Rank(column) == 2 || (Rank(row) == 1 && Rank(column) == 1);
        }

        /// <summary>Whether the documented X cells are a promise under <paramref name="model"/> (its portable model, with or without membarrier).</summary>
        public bool IsPortable(string model) => model.StartsWith(PortableModel, StringComparison.Ordinal);

        public Primitive this[string label] => Primitives.Single(p => p.Label == label);
    }

    /// <summary>The kernel's primitives, marked accesses (READ_ONCE/WRITE_ONCE): the table of the spec.</summary>
    public static readonly Dialect Kernel = new("kernel",
        [new("barrier()", "barrier", "barrier()"), new("smp_mb()", "mb", "smp_mb()"), new("sys_membarrier()", "membarrier", "sys_membarrier()")],
        "int", "{}",
        loc => $"READ_ONCE(*{loc})", (loc, v) => $"WRITE_ONCE(*{loc}, {v})", "lkmm");

    /// <summary>
    /// Userspace C11: relaxed atomics as herd's C front end spells them; the compiler barrier is
    /// atomic_signal_fence(seq_cst), the full fence atomic_thread_fence(seq_cst), and membarrier() the abstract
    /// system call (like sys_membarrier(), it needs no registration).
    /// </summary>
    public static readonly Dialect C11 = new("c11",
        [
            new("atomic_signal_fence(memory_order_seq_cst)", "signalfence", "atomic_signal_fence(memory_order_seq_cst)"),
            new("atomic_thread_fence(memory_order_seq_cst)", "threadfence", "atomic_thread_fence(memory_order_seq_cst)"),
            new("membarrier()", "membarrier", "membarrier()"),
        ],
        "atomic_int", "{ [x] = 0; [y] = 0; }",
        loc => $"atomic_load_explicit({loc}, memory_order_relaxed)", (loc, v) => $"atomic_store_explicit({loc}, {v}, memory_order_relaxed)", "rc11");

    /// <summary>
    /// The dialect a model's tests are written in: the kernel's when its macro files define the kernel's marked
    /// accesses (lkmm.def, a kernel tree's linux-kernel.def), C11 otherwise (c11.def: the C11 atomics are the
    /// front end's own, so they are there whatever the macros).
    /// </summary>
    public static Dialect DialectOf(ModelSpec model) =>
        model.Macros.Any(f => f.Macros.Any(m => m.Name == "WRITE_ONCE")) ? Kernel : C11;

    /// <summary>One access of a shape: a store of <paramref name="Value"/>, or a load into register <paramref name="Register"/>.</summary>
    public sealed record Access(string Location, int Value = 0, string? Register = null)
    {
        public string Render(Dialect d) => Register is null ? d.Store(Location, Value) + ";" : $"{Register} = {d.Load(Location)};";
    }

    private static Access W(string loc, int v) => new(loc, v);
    private static Access R(string reg, string loc) => new(loc, Register: reg);

    /// <summary>A shape: two threads, each with two accesses around the slot where the primitive goes.</summary>
    public sealed record Shape(string Name, Access[] P0, Access[] P1, string Condition);

    public static readonly Shape[] Shapes =
    [
        new("SB", [W("x", 1), R("r0", "y")], [W("y", 1), R("r1", "x")], "0:r0=0 /\\ 1:r1=0"),
        new("MP", [W("x", 1), W("y", 1)], [R("r0", "y"), R("r1", "x")], "1:r0=1 /\\ 1:r1=0"),
        new("LB", [R("r0", "x"), W("y", 1)], [R("r1", "y"), W("x", 1)], "0:r0=1 /\\ 1:r1=1"),
        new("R", [W("x", 1), W("y", 1)], [W("y", 2), R("r1", "x")], "y=2 /\\ 1:r1=0"),
        new("S", [W("x", 2), W("y", 1)], [R("r1", "y"), W("x", 1)], "x=2 /\\ 1:r1=1"),
        new("2+2W", [W("x", 2), W("y", 1)], [W("y", 2), W("x", 1)], "x=2 /\\ y=2"),
    ];

    public static string TestName(Dialect d, Shape s, string p0, string p1) => $"{s.Name}+{d[p0].Short}+{d[p1].Short}";

    /// <summary>The litmus text of one shape with P0's and P1's primitives, as a user writes it from the table (the abstract membarrier call needs no registration).</summary>
    public static string Generate(Dialect d, Shape s, string p0, string p1)
    {
        string Thread(int n, Access[] body, string primitive) =>
            $"P{n}({d.PointerType} *x, {d.PointerType} *y)\n{{\n\tint r0;\n\tint r1;\n\n\t{body[0].Render(d)}\n\t{d[primitive].Code};\n\t{body[1].Render(d)}\n}}\n";
        return $"C {TestName(d, s, p0, p1)}\n\n(* Generated by 'litmus table': {s.Name} with {p0} in P0 and {p1} in P1. *)\n\n" +
               $"{d.Init}\n\n" +
               Thread(0, s.P0, p0) + "\n" + Thread(1, s.P1, p1) + $"\nexists ({s.Condition})\n";
    }

    public sealed record Cell(Dialect Dialect, string Row, string Column, IReadOnlyList<(string Shape, TestResult Result)> Results)
    {
        public bool Ordered => Results.All(r => r.Result.Verdict == Verdict.Never);
        public bool Documented => Dialect.DocumentedOrdered(Row, Column);
        public IEnumerable<string> Reachable => Results.Where(r => r.Result.Verdict != Verdict.Never).Select(r => r.Shape);
        public IEnumerable<Diagnostic> Errors => Results.SelectMany(r => r.Result.Errors);
    }

    public sealed record Table(string Model, Dialect Dialect, IReadOnlyList<Cell> Cells)
    {
        public Cell this[string row, string column] => Cells.Single(c => c.Row == row && c.Column == column);

        public IEnumerable<string> Primitives => Dialect.Primitives.Select(p => p.Label);

        /// <summary>Whether the documented X cells are a promise under this model (see <see cref="Dialect.IsPortable"/>).</summary>
        public bool Portable => Dialect.IsPortable(Model);

        /// <summary>A promise broken: documented ordered, but some shape is reachable.</summary>
        public IEnumerable<Cell> Broken => Cells.Where(c => c.Documented && !c.Ordered);

        /// <summary>Documented not ordered, yet every shape is Never: expected of a strong model such as TSO, a mismatch under LKMM.</summary>
        public IEnumerable<Cell> StrongerThanDocumented => Cells.Where(c => !c.Documented && c.Ordered);
    }

    /// <summary>Checks all 9 × 6 tests in the model's dialect; <paramref name="emit"/> (if given) receives each generated test's name and text.</summary>
    public static Table Build(LitmusChecker checker, Action<string, string>? emit = null)
    {
        var dialect = DialectOf(checker.Model);
        var cells = new List<Cell>();
        foreach (var row in dialect.Primitives.Select(p => p.Label))
            foreach (var column in dialect.Primitives.Select(p => p.Label))
            {
                var results = new List<(string, TestResult)>();
                foreach (var shape in Shapes)
                {
                    var text = Generate(dialect, shape, row, column);
                    var name = TestName(dialect, shape, row, column);
                    emit?.Invoke(name, text);
                    results.Add((shape.Name, checker.Check(LitmusParser.Parse(text, name + ".litmus"))));
                }
                cells.Add(new Cell(dialect, row, column, results));
            }
        return new Table(checker.Model.Name, dialect, cells);
    }
}

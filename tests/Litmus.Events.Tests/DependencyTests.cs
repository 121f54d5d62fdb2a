using Litmus.Syntax;
using Litmus.Tests;

namespace Litmus.Events.Tests;

/// <summary>
/// The dependency relations the event layer computes (addr, data, ctrl) and the rmw pairs of read-modify-write
/// primitives, on one-thread programs small enough to read the expected edges off the source. Events are named
/// by their source text (<c>READ_ONCE(*x)</c>), which is what witnesses show.
/// </summary>
public class DependencyTests
{
    private static readonly MacroTable Macros =
        new([MacroParser.ParseFile(Path.Combine(RepoPaths.Root, "litmus", "models", "lkmm.def"))]);

    private static LitmusProgram Build(string body, string parameters = "int *x, int *y, int *z")
    {
        var source = $$"""
            C T
            {}
            P0({{parameters}})
            {
            {{body}}
            }
            exists (x=0)
            """;
        return ProgramBuilder.Build(LitmusParser.Parse(source, "T.litmus"), Macros);
    }

    /// <summary>The edges of a relation as "from -> to" pairs of event texts, the edges that hold in every execution marked so.</summary>
    private static List<string> Edges(LitmusProgram p, IReadOnlyList<Edge> edges) =>
        edges.Select(e => $"{p.Events[e.From].Text} -> {p.Events[e.To].Text}{(e.Condition.IsTrue ? "" : " (conditional)")}").ToList();

    [Fact]
    public void A_value_read_and_then_written_is_a_data_dependency()
    {
        var p = Build("int r0;\nr0 = READ_ONCE(*x);\nWRITE_ONCE(*y, r0);\nWRITE_ONCE(*z, 1);");
        Assert.Equal(["READ_ONCE(*x) -> WRITE_ONCE(*y, r0)"], Edges(p, p.Data));
        Assert.Empty(p.Addr);
        Assert.Empty(p.Ctrl);
        Assert.Empty(p.Rmw);
    }

    [Fact]
    public void Data_flows_through_registers_and_arithmetic()
    {
        var p = Build("int r0;\nint r1;\nr0 = READ_ONCE(*x);\nr1 = r0 + 1;\nWRITE_ONCE(*y, r1);");
        Assert.Equal(["READ_ONCE(*x) -> WRITE_ONCE(*y, r1)"], Edges(p, p.Data));
    }

    [Fact]
    public void A_pointer_read_and_then_dereferenced_is_an_address_dependency()
    {
        var p = Build("int *r0;\nint r1;\nr0 = READ_ONCE(*x);\nr1 = READ_ONCE(*r0);", "int **x, int *y");
        Assert.Equal(["READ_ONCE(*x) -> READ_ONCE(*r0)"], Edges(p, p.Addr));
        Assert.Empty(p.Data);
    }

    [Fact]
    public void Control_dependency_covers_the_branch_and_ends_with_the_if()
    {
        // herd7's ctrl ends where the if ends: the write after it does not depend on the condition's read.
        var p = Build("int r0;\nr0 = READ_ONCE(*x);\nif (r0)\n  WRITE_ONCE(*y, 1);\nWRITE_ONCE(*z, 1);");
        Assert.Equal(["READ_ONCE(*x) -> WRITE_ONCE(*y, 1)"], Edges(p, p.Ctrl));
        Assert.Empty(p.Data);
    }

    [Fact]
    public void Both_branches_of_an_if_else_are_control_dependent()
    {
        var p = Build("int r0;\nr0 = READ_ONCE(*x);\nif (r0 == 1)\n  WRITE_ONCE(*y, 1);\nelse\n  WRITE_ONCE(*z, 1);");
        Assert.Equal(["READ_ONCE(*x) -> WRITE_ONCE(*y, 1)", "READ_ONCE(*x) -> WRITE_ONCE(*z, 1)"], Edges(p, p.Ctrl).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Independent_accesses_have_no_dependency()
    {
        var p = Build("int r0;\nr0 = READ_ONCE(*x);\nWRITE_ONCE(*y, 1);");
        Assert.Empty(p.Data);
        Assert.Empty(p.Addr);
        Assert.Empty(p.Ctrl);
    }

    [Fact]
    public void An_exchange_is_one_rmw_pair_of_a_read_and_a_write_of_the_same_location()
    {
        var p = Build("int r0;\nr0 = xchg(x, 1);\nWRITE_ONCE(*y, r0);");
        var rmw = Assert.Single(p.Rmw);
        var (read, write) = (p.Events[rmw.From], p.Events[rmw.To]);
        Assert.Equal(EventKind.Read, read.Kind);
        Assert.Equal(EventKind.Write, write.Kind);
        Assert.Same(read.Address, write.Address);
        Assert.True(rmw.Condition.IsTrue);
        // The value the exchange returns is the read's: the write to y depends on the read, not on the write.
        Assert.Equal([rmw.From], p.Data.Select(e => e.From));
    }

    [Fact]
    public void A_compare_and_exchange_writes_only_when_it_succeeds()
    {
        var p = Build("int r0;\nr0 = cmpxchg(x, 0, 1);");
        // The pair is recorded once; its write exists only in executions where the read saw the expected value
        // (an edge holds when both its events do), so a failing cmpxchg is a lone read.
        var rmw = Assert.Single(p.Rmw);
        var write = p.Events[rmw.To];
        Assert.Equal(EventKind.Write, write.Kind);
        Assert.False(write.Guard.IsTrue, "the write of a cmpxchg must be guarded by the comparison");
        Assert.True(p.Events[rmw.From].Guard.IsTrue);
    }

    [Fact]
    public void A_kernel_rmw_is_two_events_and_a_C11_rmw_is_one_for_the_models()
    {
        // herd's C front end: xchg() (linux-kernel.def) is a read and a write linked by rmw; atomic_exchange_explicit
        // is one event, which Litmus records as a single-event pair.
        var kernel = Build("int r0;\nr0 = xchg(x, 1);");
        Assert.Single(kernel.Rmw);
        Assert.Empty(kernel.SingleEventRmw);
        var c11 = Build("int r0;\nr0 = atomic_exchange_explicit(x, 1, memory_order_relaxed);\nr0 = atomic_fetch_add_explicit(y, 1, memory_order_seq_cst);");
        Assert.Equal(2, c11.SingleEventRmw.Count);
        Assert.Equal(c11.Rmw, c11.SingleEventRmw);
    }

    [Fact]
    public void An_integer_used_as_a_pointer_is_a_positioned_error()
    {
        // The kernel's atomic_fetch_add(V, X) called with C11's argument order accesses address 1; herd7 stops with
        // "Non symbolic location with no initial write: '[1]'".
        var e = Assert.Throws<LitmusInputException>(() => Build("int r0;\nr0 = atomic_fetch_add(x, 1);"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("accesses address 1, which is not a location", d.Message);
        Assert.Equal(6, d.Span.Line);
    }
}

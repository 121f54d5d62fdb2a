using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Checking.Barriers;

/// <summary>
/// A form an ordering primitive can take, with its strength on the chain
/// sys_membarrier() (4) → smp_mb() (3) → smp_wmb()/smp_rmb() (2) → barrier() (1) → nothing (0), or
/// acquire/release (2) → READ_ONCE()/WRITE_ONCE() (0). Forms of equal rank (smp_wmb(), smp_rmb()) are incomparable.
/// </summary>
public sealed record BarrierForm(string Name, int Rank)
{
    public static readonly BarrierForm Nothing = new("nothing", 0);
    public override string ToString() => Name;
}

/// <summary>
/// One ordering primitive of a test: where it is, what it is, and the weaker forms it could be replaced by
/// (strongest first). <see cref="Rewrite"/> gives the text that replaces <see cref="Replaced"/> for a form.
/// </summary>
public sealed record BarrierSite(int Index, int Thread, string Original, SourceSpan Span, SourceSpan Replaced,
    BarrierForm Form, IReadOnlyList<BarrierForm> Weaker)
{
    /// <summary>Replacement text by form name, where it is not the form's own name (READ_ONCE(*p) for smp_load_acquire(p)).</summary>
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>();

    /// <summary>The source text that stands in the replaced span for <paramref name="form"/>.</summary>
    public string Rewrite(BarrierForm form) =>
        form == Form ? Original : form == BarrierForm.Nothing ? "" : Texts.GetValueOrDefault(form.Name, form.Name);

    public string Where => $"P{Thread} line {Span.Line}";

    /// <summary>The forms from this one down, the original first.</summary>
    public IEnumerable<BarrierForm> Chain => Weaker.Prepend(Form);
}

/// <summary>Finds the ordering primitives of a test in its syntax tree, kernel ones or (for C11 tests) C11 ones.</summary>
public static class BarrierSites
{
    private static readonly BarrierForm Mb = new("smp_mb()", 3);
    private static readonly BarrierForm Wmb = new("smp_wmb()", 2);
    private static readonly BarrierForm Rmb = new("smp_rmb()", 2);
    private static readonly BarrierForm Barrier = new("barrier()", 1);

    // C11 (models whose macros are not the kernel's): membarrier() (5) → seq_cst fence (4) → acq_rel fence (3) →
    // release / acquire fence (2) → atomic_signal_fence, the compiler barrier (1) → nothing; accesses seq_cst (3) →
    // release or acquire (2) → relaxed (0).
    private static readonly BarrierForm ScFence = new("atomic_thread_fence(memory_order_seq_cst)", 4);
    private static readonly BarrierForm AcqRelFence = new("atomic_thread_fence(memory_order_acq_rel)", 3);
    private static readonly BarrierForm RelFence = new("atomic_thread_fence(memory_order_release)", 2);
    private static readonly BarrierForm AcqFence = new("atomic_thread_fence(memory_order_acquire)", 2);
    private static readonly BarrierForm SignalFence = new("atomic_signal_fence(memory_order_seq_cst)", 1);

    private static (BarrierForm Form, BarrierForm[] Weaker)? C11FenceChain(CallExpr c) => c.Function switch
    {
        "sys_membarrier" or "smp_memb" or "membarrier" when OrdersSomething(c) => (new BarrierForm(c.Function + "()", 5), [ScFence, SignalFence, BarrierForm.Nothing]),
        "atomic_thread_fence" when c.Arguments is [NameExpr { Name: var order }] => order switch
        {
            "memory_order_seq_cst" => (ScFence, [AcqRelFence, RelFence, AcqFence, SignalFence, BarrierForm.Nothing]),
            "memory_order_acq_rel" => (AcqRelFence, [RelFence, AcqFence, SignalFence, BarrierForm.Nothing]),
            "memory_order_release" => (RelFence, [SignalFence, BarrierForm.Nothing]),
            "memory_order_acquire" => (AcqFence, [SignalFence, BarrierForm.Nothing]),
            _ => null,
        },
        "atomic_signal_fence" when c.Arguments.Count == 1 => (new BarrierForm("atomic_signal_fence()", 1), [BarrierForm.Nothing]),
        _ => null,
    };

    /// <summary>The weaker forms of a fence-like call, strongest first, or null when the call is no ordering primitive.</summary>
    private static (BarrierForm Form, BarrierForm[] Weaker)? FenceChain(CallExpr c, bool c11) => c11 ? C11FenceChain(c) : c.Function switch
    {
        "sys_membarrier" or "smp_memb" or "membarrier" when OrdersSomething(c) => (new BarrierForm(c.Function + "()", 4), [Mb, Wmb, Rmb, Barrier, BarrierForm.Nothing]),
        "smp_mb" => (Mb, [Wmb, Rmb, Barrier, BarrierForm.Nothing]),
        "smp_wmb" => (Wmb, [Barrier, BarrierForm.Nothing]),
        "smp_rmb" => (Rmb, [Barrier, BarrierForm.Nothing]),
        "barrier" => (Barrier, [BarrierForm.Nothing]),
        // The IPI step of kernel-impl/ tests: weaker is an IPI whose handler runs no full barrier.
        "membarrier_ipi" => (new BarrierForm("membarrier_ipi()", 3), [new BarrierForm("membarrier_ipi_nomb()", 0)]),
        "smp_mb__before_atomic" or "smp_mb__after_atomic" or "smp_mb__after_spinlock" => (new BarrierForm(c.Function + "()", 3), [Barrier, BarrierForm.Nothing]),
        _ => null,
    };

    /// <summary>QUERY and REGISTER_* commands order nothing, so there is nothing to weaken.</summary>
    private static bool OrdersSomething(CallExpr c) =>
        c.Arguments.Count == 0 || c.Arguments[0] is not NameExpr n || !(n.Name.Contains("REGISTER", StringComparison.Ordinal) || n.Name.EndsWith("QUERY", StringComparison.Ordinal));

    /// <summary>The test's ordering primitives; <paramref name="c11"/>: the test is C11 (atomics, fences with memory orders).</summary>
    public static IReadOnlyList<BarrierSite> Find(LitmusTest test, string source, bool c11 = false)
    {
        var sites = new List<BarrierSite>();
        foreach (var t in test.Threads) Walk(t.Body, t.Index, source, sites, c11);
        return sites;
    }

    private static void Walk(Stmt s, int thread, string source, List<BarrierSite> sites, bool c11)
    {
        switch (s)
        {
            case BlockStmt b:
                foreach (var x in b.Statements) Walk(x, thread, source, sites, c11);
                break;
            case IfStmt i:
                Walk(i.Then, thread, source, sites, c11);
                if (i.Else is not null) Walk(i.Else, thread, source, sites, c11);
                break;
            case ExprStmt { Expression: CallExpr c }:
                if (FenceChain(c, c11) is { } f)
                    Add(sites, thread, c.Span, c.Span, f.Form, f.Weaker, source);
                else if (c.Function == "smp_store_release" && c.Arguments.Count == 2)
                    Add(sites, thread, c.Span, c.Span, new BarrierForm("smp_store_release", 2), [new BarrierForm("WRITE_ONCE", 0)], source,
                        $"WRITE_ONCE({Deref(c.Arguments[0], source)}, {SourceText.Slice(source, c.Arguments[1].Span)})");
                else Access(c, thread, source, sites);
                break;
            case ExprStmt { Expression: AssignExpr { Value: CallExpr c } }:
                Access(c, thread, source, sites);
                break;
            case DeclStmt { Initializer: CallExpr c }:
                Access(c, thread, source, sites);
                break;
        }
    }

    private static void Access(CallExpr c, int thread, string source, List<BarrierSite> sites)
    {
        if (C11Orders(c) is { } o)
        {
            // Only the memory_order argument is replaced: atomic_store_explicit(seq_cst) → (release) → (relaxed).
            var weaker = o.Weaker.Select(w => new BarrierForm($"{c.Function}({w[13..]})", w == "memory_order_relaxed" ? 0 : 2)).ToArray();
            sites.Add(new BarrierSite(sites.Count, thread, SourceText.Slice(source, o.Order.Span), c.Span, o.Order.Span,
                new BarrierForm($"{c.Function}({o.Order.Name[13..]})", o.Order.Name == "memory_order_seq_cst" ? 3 : 2), weaker)
            {
                Texts = weaker.Zip(o.Weaker).ToDictionary(p => p.First.Name, p => p.Second),
            });
            return;
        }
        if (c.Function == "smp_load_acquire" && c.Arguments.Count == 1)
            Add(sites, thread, c.Span, c.Span, new BarrierForm("smp_load_acquire", 2), [new BarrierForm("READ_ONCE", 0)], source,
                $"READ_ONCE({Deref(c.Arguments[0], source)})");
    }

    /// <summary>A C11 load or store with an order that can be weakened, and the weaker orders, strongest first.</summary>
    private static (NameExpr Order, string[] Weaker)? C11Orders(CallExpr c) => (c.Function, c.Arguments) switch
    {
        ("atomic_store_explicit", [_, _, NameExpr { Name: "memory_order_seq_cst" } o]) => (o, ["memory_order_release", "memory_order_relaxed"]),
        ("atomic_store_explicit", [_, _, NameExpr { Name: "memory_order_release" } o]) => (o, ["memory_order_relaxed"]),
        ("atomic_load_explicit", [_, NameExpr { Name: "memory_order_seq_cst" } o]) => (o, ["memory_order_acquire", "memory_order_relaxed"]),
        ("atomic_load_explicit", [_, NameExpr { Name: "memory_order_acquire" } o]) => (o, ["memory_order_relaxed"]),
        _ => null,
    };

    /// <summary>The location a pointer argument names, as READ_ONCE/WRITE_ONCE take it: <c>y</c> gives <c>*y</c>, <c>&amp;x</c> gives <c>x</c>.</summary>
    private static string Deref(Expr pointer, string source) =>
        pointer is AddressOfExpr a ? SourceText.Slice(source, a.Target.Span) : "*" + SourceText.Slice(source, pointer.Span);

    private static void Add(List<BarrierSite> sites, int thread, SourceSpan span, SourceSpan replaced, BarrierForm form, BarrierForm[] weaker,
        string source, string? plainText = null) =>
        sites.Add(new BarrierSite(sites.Count, thread, SourceText.Slice(source, replaced), span, replaced, form, weaker)
        {
            Texts = plainText is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [weaker[0].Name] = plainText },
        });
}

/// <summary>Offsets of spans in a source text (lines and columns 1-based, the end column inclusive).</summary>
internal static class SourceText
{
    public static (int Start, int End) Offsets(string source, SourceSpan span)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++) if (source[i] == '\n') starts.Add(i + 1);
        return (starts[span.Line - 1] + span.Column - 1, starts[span.EndLine - 1] + span.EndColumn);
    }

    public static string Slice(string source, SourceSpan span)
    {
        var (s, e) = Offsets(source, span);
        return source[s..e];
    }

    /// <summary>The source with each span replaced by its text (spans must not overlap).</summary>
    public static string Replace(string source, IEnumerable<(SourceSpan Span, string Text)> edits)
    {
        var text = source;
        foreach (var (span, replacement) in edits.Select(e => (Offsets(source, e.Span), e.Text)).OrderByDescending(e => e.Item1.Start))
            text = text[..span.Start] + replacement + text[span.End..];
        return text;
    }
}

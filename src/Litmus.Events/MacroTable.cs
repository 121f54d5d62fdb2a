using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>The primitives a test may call: the macros of a <c>.def</c> file, by name.</summary>
public sealed class MacroTable
{
    /// <summary>By name and arity: sys_membarrier(), sys_membarrier(CMD) and sys_membarrier(CMD, 0) are three macros.</summary>
    private readonly Dictionary<(string, int), MacroDef> _macros = new();

    public string Source { get; }

    public MacroTable(IEnumerable<MacroFile> files)
    {
        var names = new List<string>();
        foreach (var file in files)
        {
            names.Add(Path.GetFileName(file.Path));
            foreach (var m in file.Macros) _macros[(m.Name, m.Parameters.Count)] = m; // later files override earlier ones, as in herd
        }
        Source = string.Join(", ", names);
    }

    /// <summary>The macro of that name taking that many arguments, else any macro of that name (so the arity error names it).</summary>
    public MacroDef? Find(string name, int arity) =>
        _macros.GetValueOrDefault((name, arity)) ?? _macros.Where(kv => kv.Key.Item1 == name).Select(kv => kv.Value).FirstOrDefault();

    /// <summary>The body of <paramref name="macro"/> with its parameters replaced by the call's arguments.</summary>
    public static (Expr? Expr, BlockStmt? Block) Instantiate(MacroDef macro, IReadOnlyList<Expr> args, SourceSpan callSpan)
    {
        if (args.Count != macro.Parameters.Count)
            throw new LitmusInputException(callSpan,
                $"{macro.Name} takes {macro.Parameters.Count} argument(s), not {args.Count}");
        var map = new Dictionary<string, Expr>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++) map[macro.Parameters[i]] = args[i];
        var sub = new MacroSubstitution(map, callSpan);
        return (macro.ExprBody is null ? null : sub.Expr(macro.ExprBody),
                macro.BlockBody is null ? null : (BlockStmt)sub.Stmt(macro.BlockBody));
    }
}

/// <summary>Syntactic substitution of macro parameters; the result carries the call site's span so that events point at the test.</summary>
internal sealed class MacroSubstitution(Dictionary<string, Expr> map, SourceSpan at)
{
    public Expr Expr(Expr e) => e switch
    {
        NameExpr n when map.TryGetValue(n.Name, out var arg) => arg,
        NameExpr n => n with { Span = at },
        IntLiteral i => i with { Span = at },
        DerefExpr d => new DerefExpr(Expr(d.Target), at),
        AddressOfExpr a => new AddressOfExpr(Expr(a.Target), at),
        UnaryExpr u => new UnaryExpr(u.Operator, Expr(u.Operand), at),
        BinaryExpr b => new BinaryExpr(b.Operator, Expr(b.Left), Expr(b.Right), at),
        ConditionalExpr c => new ConditionalExpr(Expr(c.Condition), Expr(c.Then), Expr(c.Else), at),
        IndexExpr x => new IndexExpr(Expr(x.Array), Expr(x.Index), at),
        CallExpr c => new CallExpr(c.Function, c.Arguments.Select(Expr).ToList(), at, at),
        AssignExpr a => new AssignExpr(Expr(a.Target), a.Operator, Expr(a.Value), at),
        CastExpr c => new CastExpr(c.Type, Expr(c.Operand), at),
        PrimitiveExpr p => new PrimitiveExpr(p.Primitive, p.Tags, p.Arguments.Select(Expr).ToList(), at),
        OperatorArgExpr o => o with { Span = at },
        _ => throw new InvalidOperationException($"unexpected expression {e.GetType().Name}"),
    };

    public Stmt Stmt(Stmt s) => s switch
    {
        ExprStmt e => new ExprStmt(Expr(e.Expression), at),
        BlockStmt b => new BlockStmt(b.Statements.Select(Stmt).ToList(), at),
        IfStmt i => new IfStmt(Expr(i.Condition), Stmt(i.Then), i.Else is null ? null : Stmt(i.Else), at),
        DeclStmt d => new DeclStmt(d.Type, d.Name, d.Initializer is null ? null : Expr(d.Initializer), at),
        EmptyStmt => s,
        _ => throw new InvalidOperationException($"unexpected statement {s.GetType().Name}"),
    };
}

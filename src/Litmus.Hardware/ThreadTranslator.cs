using System.Text;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Hardware;

/// <summary>
/// One thread of the test as a C function over instance <c>i</c>. Its parameters point at the instance's
/// locations; its registers are locals (declared at the top, as the harness records them at the end); its
/// statements are the test's, with each primitive mapped by <see cref="PrimitiveMap"/>. Accesses written as
/// plain C (<c>*x = 1</c>, <c>r = *x</c>) stay plain C: the compiler may reorder, merge or tear them as it
/// may in the kernel, and the lines are listed in <see cref="PlainAccessLines"/> for the report.
/// </summary>
public sealed class ThreadTranslator
{
    private readonly LitmusTest _test;
    private readonly ThreadDecl _thread;
    private readonly TestLayout _layout;
    private readonly StringBuilder _out = new();
    private int _insidePrimitive;

    public PrimitiveContext Context { get; }
    public SortedSet<int> PlainAccessLines { get; } = [];

    public ThreadTranslator(LitmusTest test, ThreadDecl thread, TestLayout layout)
    {
        (_test, _thread, _layout) = (test, thread, layout);
        Context = new PrimitiveContext(thread.Index);
    }

    public static string FunctionName(ThreadDecl t) => $"litmus_P{t.Index}";

    /// <summary>The C function of the thread.</summary>
    public string Translate()
    {
        _out.Append($"static void {FunctionName(_thread)}(long {HarnessGenerator.Instance})\n{{\n");
        foreach (var p in _thread.Parameters)
        {
            var type = CTypes.Of(p.Type, p.Type.PointerDepth);
            _out.Append($"\t{CTypes.Declare(type, p.Name)} = ({type})&{HarnessGenerator.Storage(p.Name)}[{HarnessGenerator.Instance}];\n");
        }
        var registers = new List<DeclStmt>();
        CollectDeclarations(_thread.Body, registers);
        var declared = new HashSet<string>();
        foreach (var d in registers.Where(d => declared.Add(d.Name)))
            _out.Append($"\t{CTypes.Declare(CTypes.Of(d.Type, d.Type.PointerDepth), d.Name)} = {InitialValue(d.Name, d.Type)};\n");
        // A register the condition reads but the thread never declares keeps its initial value (0 unless given).
        foreach (var slot in _layout.Observed.Where(s => s.Thread == _thread.Index && !declared.Contains(s.Register)))
        {
            declared.Add(slot.Register);
            _out.Append($"\tintptr_t {slot.Register} = (intptr_t)({InitExpression(slot.Register) ?? "0"});\n");
        }
        foreach (var s in _thread.Body.Statements) Statement(s, 1);
        foreach (var slot in _layout.Observed.Where(s => s.Thread == _thread.Index))
            _out.Append($"\t{HarnessGenerator.Output(slot)}[{HarnessGenerator.Instance}] = (long long)(intptr_t)({slot.Register});\n");
        _out.Append("}\n");
        return _out.ToString();
    }

    private static void CollectDeclarations(Stmt s, List<DeclStmt> into)
    {
        switch (s)
        {
            case DeclStmt d: into.Add(d); break;
            case BlockStmt b: foreach (var x in b.Statements) CollectDeclarations(x, into); break;
            case IfStmt i:
                CollectDeclarations(i.Then, into);
                if (i.Else is { } e) CollectDeclarations(e, into);
                break;
        }
    }

    /// <summary>herd's registers start at 0, or at the init block's <c>T:r=v</c>.</summary>
    private string InitialValue(string register, TypeName type) =>
        InitExpression(register) is { } e ? $"({CTypes.Of(type, type.PointerDepth)})(intptr_t)({e})" : "0";

    private string? InitExpression(string register) =>
        _test.Init.FirstOrDefault(i => i.Thread == _thread.Index && i.Name == register)?.Value is { } v
            ? HarnessGenerator.InitValue(v, _layout) : null;

    private void Statement(Stmt s, int depth)
    {
        var tab = new string('\t', depth);
        switch (s)
        {
            case DeclStmt d:
                if (d.Initializer is { } init) _out.Append($"{tab}{d.Name} = {Expression(init)};\n");
                break;
            case ExprStmt e:
                _out.Append($"{tab}{Expression(e.Expression)};\n");
                break;
            case IfStmt i:
                _out.Append($"{tab}if ({Expression(i.Condition)}) {{\n");
                Statement(i.Then, depth + 1);
                if (i.Else is { } el)
                {
                    _out.Append($"{tab}}} else {{\n");
                    Statement(el, depth + 1);
                }
                _out.Append($"{tab}}}\n");
                break;
            case BlockStmt b:
                foreach (var x in b.Statements) Statement(x, depth);
                break;
            case EmptyStmt:
                break;
            default:
                throw new NoFaithfulMappingException(s.Span, $"statement {s.GetType().Name} has no mapping");
        }
    }

    /// <summary>The C of an expression of the thread.</summary>
    public string Expression(Expr e) => e switch
    {
        IntLiteral i => CLiteral(i.Value),
        NameExpr n => n.Name,
        DerefExpr d => Plain(d.Span, $"*{Operand(d.Target)}"),
        AddressOfExpr a => $"&{Operand(a.Target)}",
        UnaryExpr u => $"{u.Operator}{Operand(u.Operand)}",
        BinaryExpr b => $"({Expression(b.Left)} {b.Operator} {Expression(b.Right)})",
        ConditionalExpr c => $"({Expression(c.Condition)} ? {Expression(c.Then)} : {Expression(c.Else)})",
        IndexExpr x => Plain(x.Span, $"{Operand(x.Array)}[{Expression(x.Index)}]"),
        AssignExpr a => $"{Expression(a.Target)} {a.Operator} {Expression(a.Value)}",
        CastExpr c => $"(({CTypes.Of(c.Type, c.Type.PointerDepth)}){Operand(c.Operand)})",
        CallExpr c => Call(c),
        PrimitiveExpr p => throw new NoFaithfulMappingException(p.Span,
            $"the builtin __{p.Primitive.TrimStart('_')} is a model event, not C: write the kernel primitive instead"),
        _ => throw new NoFaithfulMappingException(e.Span, $"expression {e.GetType().Name} has no mapping"),
    };

    private string Operand(Expr e) => e is NameExpr or IntLiteral ? Expression(e) : $"({Expression(e)})";

    private string Call(CallExpr c)
    {
        _insidePrimitive++;
        try
        {
            var args = c.Arguments.Select(Expression).ToList();
            return PrimitiveMap.Translate(c, args, Context);
        }
        finally { _insidePrimitive--; }
    }

    /// <summary>A memory access outside any primitive: plain C, noted for the report.</summary>
    private string Plain(SourceSpan span, string c)
    {
        if (_insidePrimitive == 0) PlainAccessLines.Add(span.Line);
        return c;
    }

    public static string CLiteral(long v) => v is >= int.MinValue and <= int.MaxValue ? v.ToString() : $"{v}LL";
}

using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

/// <summary>
/// Symbolic execution of one thread. Both arms of an <c>if</c> are executed, each under its path condition, and
/// the registers are merged with if-then-else terms at the join: a branch adds a guard, it does not multiply the test.
/// </summary>
internal sealed partial class ThreadBuilder(ProgramBuilder program, int thread)
{
    private const int MaxMacroDepth = 64;

    private readonly TermFactory F = program.F;
    private Dictionary<string, SymValue> _env = new(StringComparer.Ordinal);
    private Term _guard = program.F.True;
    /// <summary>Reads that the conditions of enclosing (and, per options, earlier) ifs depend on.</summary>
    private DepSet _ctrl = DepSet.None;
    private int _position;
    private int _macroDepth;

    public IReadOnlyDictionary<string, SymValue> Registers => _env;

    public void BindParameter(string name, Term value) => _env[name] = new SymValue(value, DepSet.None);

    public void Run(BlockStmt body)
    {
        Exec(body);
        FinishRseq();
    }

    private void Exec(Stmt s)
    {
        switch (s)
        {
            case BlockStmt b:
                foreach (var x in b.Statements) Exec(x);
                break;
            case DeclStmt d when d.Initializer is not null:
                _env[d.Name] = Eval(d.Initializer);
                break;
            case DeclStmt d:
                // As in herd, a declaration without an initialiser keeps the value the init block gave the register
                // (`0:r2=a;` then `int r2;` in P0: r2 is a's address, manual/oota/C-JO-OOTA-7); otherwise it is 0.
                _env.TryAdd(d.Name, new SymValue(F.WordConst(0), DepSet.None));
                break;
            case ExprStmt e:
                Eval(e.Expression);
                break;
            case IfStmt i:
                ExecIf(i);
                break;
            case EmptyStmt:
                break;
            default:
                throw new LitmusInputException(s.Span, "this statement is not supported");
        }
    }

    private void ExecIf(IfStmt i)
    {
        var cond = Eval(i.Condition);
        var c = Computed(F.Truth(cond.Term));
        var (outerGuard, outerCtrl, before) = (_guard, _ctrl, _env);
        var ctrl = outerCtrl.Union(cond.Deps, F);

        var thenEnv = RunBranch(i.Then, F.And(outerGuard, c), ctrl, before);
        var elseEnv = i.Else is null ? before : RunBranch(i.Else, F.And(outerGuard, F.Not(c)), ctrl, before);

        _guard = outerGuard;
        // herd7's ctrl ends where the if ends: code after it is not control-dependent on the condition's reads
        // (the corpus test LB-ctls-diffvals-postif shows it).
        _ctrl = outerCtrl;
        _env = new Dictionary<string, SymValue>(StringComparer.Ordinal);
        foreach (var name in thenEnv.Keys.Union(elseEnv.Keys))
        {
            var zero = new SymValue(F.WordConst(0), DepSet.None);
            var t = thenEnv.GetValueOrDefault(name, zero);
            var e = elseEnv.GetValueOrDefault(name, zero);
            _env[name] = new SymValue(F.Ite(c, t.Term, e.Term), t.Deps.Select(c, e.Deps, F));
        }
    }

    private Dictionary<string, SymValue> RunBranch(Stmt body, Term guard, DepSet ctrl, Dictionary<string, SymValue> start)
    {
        _env = new Dictionary<string, SymValue>(start, StringComparer.Ordinal);
        if (guard.IsFalse) return _env; // dead code: no events, registers unchanged
        _guard = guard;
        _ctrl = ctrl;
        Exec(body);
        return _env;
    }

    /// <summary>Records an event with the current guard and its address/data/control dependencies.</summary>
    private int Emit(EventKind kind, IReadOnlySet<string> tags, IReadOnlySet<string> classes, SymValue? address,
                     Term? value, DepSet? valueDeps, SourceSpan span, string text, Term? guard = null)
    {
        // An integer used as a pointer (the kernel's atomic_fetch_add(V, X) called with C11's argument order, say)
        // names no location: herd stops on it ("Non symbolic location with no initial write"), and so does Litmus,
        // rather than leave the access with no write to read from and the test with no execution.
        if (address?.Term is { Op: Op.WordConst } constant && constant.Number < ProgramBuilder.AddressBase)
            throw new LitmusInputException(span, $"'{text}' accesses address {constant.Number}, which is not a location (an integer used as a pointer?)");
        var id = program.NextEventId;
        program.AddEvent(new Event
        {
            Id = id, Thread = thread, Kind = kind, Tags = tags, Classes = classes, Guard = guard ?? _guard,
            Address = address?.Term, Value = value, Position = _position++, Span = span, Text = text,
        });
        if (address is { } a)
            foreach (var (r, c) in a.Deps.Reads) program.Addr.Add(new Edge(r, id, c));
        if (valueDeps is not null && kind == EventKind.Write)
            foreach (var (r, c) in valueDeps.Reads) program.Data.Add(new Edge(r, id, c));
        foreach (var (r, c) in _ctrl.Reads) program.Ctrl.Add(new Edge(r, id, c));
        NoteRseqEvent(id);
        return id;
    }

    private SymValue Read(SymValue address, IReadOnlySet<string> tags, IReadOnlySet<string> classes, SourceSpan span, string text, Term? fixedValue = null)
    {
        var id = program.NextEventId;
        var value = fixedValue ?? F.WordVar($"v{id}");
        Emit(EventKind.Read, tags, classes, address, value, null, span, text);
        return new SymValue(value, DepSet.Of(id, F.True));
    }

    private int Write(SymValue address, SymValue value, IReadOnlySet<string> tags, IReadOnlySet<string> classes, SourceSpan span, string text, Term? guard = null) =>
        Emit(EventKind.Write, tags, classes, address, value.Term, value.Deps, span, text, guard);

    private static string Show(Expr e) => ExprPrinter.Print(e);
}

using Litmus.Logic;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Events;

internal sealed partial class ThreadBuilder
{
    private static readonly IReadOnlySet<string> NoTags = ProgramBuilder.EmptySet;

    private SymValue Const(long v) => new(F.WordConst(v), DepSet.None);

    /// <summary>Evaluates an expression as an rvalue, emitting the events its memory accesses and primitives perform.</summary>
    private SymValue Eval(Expr e)
    {
        switch (e)
        {
            case IntLiteral i:
                return Const(i.Value);
            case NameExpr n:
                return Lookup(n);
            case CastExpr c:
                return Eval(c.Operand);
            case DerefExpr or IndexExpr:
                return Read(LvalueAddress(e), NoTags, NoTags, e.Span, Show(e));
            case AddressOfExpr a:
                return LvalueAddress(a.Target);
            case UnaryExpr u:
            {
                var v = Eval(u.Operand);
                return new SymValue(Computed(COperators.Unary(F, u.Operator, v.Term)), v.Deps);
            }
            case BinaryExpr { Operator: "&&" or "||" } b:
                return ShortCircuit(b);
            case BinaryExpr b:
            {
                var l = Eval(b.Left);
                var r = Eval(b.Right);
                return new SymValue(Operation(b.Operator, l.Term, r.Term), l.Deps.Union(r.Deps, F));
            }
            case ConditionalExpr c:
            {
                var cond = Eval(c.Condition);
                var truth = Computed(F.Truth(cond.Term));
                var t = Guarded(F.And(_guard, truth), () => Eval(c.Then));
                var f = Guarded(F.And(_guard, F.Not(truth)), () => Eval(c.Else));
                return new SymValue(F.Ite(truth, t.Term, f.Term), cond.Deps.Union(t.Deps.Select(truth, f.Deps, F), F));
            }
            case AssignExpr a:
                return Assign(a);
            case CallExpr call:
                return Call(call);
            case PrimitiveExpr p:
                return Primitive(p);
            case OperatorArgExpr o:
                throw new LitmusInputException(o.Span, $"operator '{o.Operator}' can only be an argument of an atomic primitive");
            default:
                throw new LitmusInputException(e.Span, "this expression is not supported");
        }
    }

    private SymValue Lookup(NameExpr n)
    {
        if (_env.TryGetValue(n.Name, out var v)) return v;
        if (program.FindLocation(n.Name) is not null)
            throw new LitmusInputException(n.Span, $"'{n.Name}' is a shared location: pass it as a parameter of P{thread} and access it through the pointer (*{n.Name})");
        // As in herd, a register nobody assigned reads as 0 (C-RW-r+... tests read r4 in its own initialiser).
        return Const(0);
    }

    /// <summary>C's && and ||: the right operand runs (and its events exist) only when the left one does not decide.</summary>
    private SymValue ShortCircuit(BinaryExpr b)
    {
        var l = Eval(b.Left);
        var lt = Computed(F.Truth(l.Term));
        var runRight = b.Operator == "&&" ? lt : F.Not(lt);
        var r = Guarded(F.And(_guard, runRight), () => Eval(b.Right));
        var rt = F.Truth(r.Term);
        Computed(F.And(_guard, runRight), rt); // (the right operand is computed only when the left does not decide)
        var result = b.Operator == "&&" ? F.And(lt, rt) : F.Or(lt, rt);
        return new SymValue(F.FromBool(result), l.Deps.Union(r.Deps, F));
    }

    /// <summary>
    /// Records an operation the thread computes under the current guard (see LitmusProgram.Computations): herd drops
    /// an execution in which one of them is not solved. Constants and plain values are not operations.
    /// </summary>
    private Term Computed(Term t) => Computed(_guard, t);

    private Term Computed(Term guard, Term t)
    {
        if (!t.IsConstant && t.Children.Count > 0 && !guard.IsFalse) program.Computations.Add(new Computation(guard, t));
        return t;
    }

    /// <summary>
    /// A C binary operation, computed. The term factory simplifies more than herd's symbolic values do: herd folds
    /// only <c>x + 0</c> and <c>x | 0</c> (either side) and <c>x ^ x</c>, <c>x == x</c>, <c>x != x</c> of one value
    /// (probes under a model with no axioms, docs/conformance.md), so where the factory folded away an operation
    /// herd computes (<c>x * 1</c>, <c>x - x</c>, <c>x &amp; 0</c>, <c>x &lt; x</c>, ...), its operands still count as computed.
    /// </summary>
    private Term Operation(string op, Term l, Term r)
    {
        var folded = COperators.Binary(F, op, l, r);
        if ((folded.IsConstant || folded.Children.Count == 0) && !HerdFolds(op, l, r) && !_guard.IsFalse)
            foreach (var operand in (ReadOnlySpan<Term>)[l, r])
                if (!operand.IsConstant) program.Computations.Add(new Computation(_guard, operand));
        return Computed(folded);
    }

    private static bool HerdFolds(string op, Term l, Term r) => op switch
    {
        "+" or "|" => IsZero(l) || IsZero(r),
        "^" or "==" or "!=" => l.Equals(r),
        _ => false,
    };

    private static bool IsZero(Term t) => t is { Op: Op.WordConst, Number: 0 };

    private SymValue Guarded(Term guard, Func<SymValue> body)
    {
        if (guard.IsFalse) return Const(0);
        var saved = _guard;
        _guard = guard;
        try { return body(); }
        finally { _guard = saved; }
    }

    /// <summary>The address an lvalue denotes: <c>*p</c> is p's value, <c>a[i]</c> is a + i, a bare location name its address.</summary>
    private SymValue LvalueAddress(Expr e)
    {
        switch (e)
        {
            case DerefExpr d:
                return Eval(d.Target);
            case IndexExpr x:
            {
                var a = Eval(x.Array);
                var i = Eval(x.Index);
                return new SymValue(Computed(F.Binary(Op.Add, a.Term, i.Term)), a.Deps.Union(i.Deps, F));
            }
            case CastExpr c:
                return LvalueAddress(c.Operand);
            case NameExpr n when !_env.ContainsKey(n.Name) && program.FindLocation(n.Name) is { } loc:
                return Const(loc.Address);
            default:
                throw new LitmusInputException(e.Span, $"'{Show(e)}' is not a memory location (expected *pointer)");
        }
    }

    private SymValue Assign(AssignExpr a)
    {
        SymValue value;
        if (a.Operator == "=") value = Eval(a.Value);
        else
        {
            var old = a.Target is NameExpr n ? Lookup(n) : Eval(a.Target);
            var rhs = Eval(a.Value);
            value = new SymValue(Operation(a.Operator.TrimEnd('='), old.Term, rhs.Term), old.Deps.Union(rhs.Deps, F));
        }
        switch (a.Target)
        {
            case NameExpr n when _env.ContainsKey(n.Name) || program.FindLocation(n.Name) is null:
                _env[n.Name] = value;
                return value;
            default:
                Write(LvalueAddress(a.Target), value, NoTags, NoTags, a.Span, Show(a));
                return value;
        }
    }

    private SymValue Call(CallExpr call)
    {
        var macro = program.Macros.Find(call.Function, call.Arguments.Count);
        if (macro is null && C11Call(call) is { } c11) return c11;
        if (macro is null)
            throw new LitmusInputException(call.NameSpan,
                $"unknown primitive '{call.Function}' (not defined in {program.Macros.Source}): Unknown macro");
        if (++_macroDepth > MaxMacroDepth)
            throw new LitmusInputException(call.NameSpan, $"macro '{call.Function}' expands into itself");
        var outerText = _callText;
        _callText ??= Show(call);
        try
        {
            var (expr, block) = MacroTable.Instantiate(macro, call.Arguments, call.Span);
            if (expr is not null) return Eval(expr);
            Exec(block!);
            return Const(0);
        }
        finally { _macroDepth--; _callText = outerText; }
    }
}

using Litmus.Events;
using Litmus.Logic;
using Litmus.Models;
using Litmus.Syntax;
using Litmus.Syntax.Ast;

namespace Litmus.Encoding;

/// <summary>
/// A value the final state shows: a register (<c>1:r0</c>) or a location (<c>[x]</c>), its term, and when the
/// execution determines it (an unsolved, out-of-thin-air value is one state, not one per number).
/// </summary>
public sealed record Observed(string Name, Term Value, Term Determined);

/// <summary>
/// The conditions that tell executions apart (<see cref="TestEncoding.ExecutionChoices"/>). The first
/// <paramref name="Exclusive"/> come in groups of which an execution makes exactly one true for each read,
/// pair of writes, order or observed location that it has (rf, co, a linearisation's pairs, the final write);
/// the rest have no such shape.
/// </summary>
public sealed record ExecutionIdentity(IReadOnlyList<Term> Choices, int Exclusive);

/// <summary>
/// Everything the checker needs to decide a test under a model, solver-neutral: the consistency constraints
/// (definitions and axioms), the flags, the condition and filter as formulas, and the observed final values.
/// </summary>
public sealed class TestEncoding
{
    public required LitmusTest Test { get; init; }
    public required LitmusProgram Program { get; init; }
    public required ExecutionRelations Execution { get; init; }
    public required ConstraintSet Constraints { get; init; }
    /// <summary>The condition's proposition (for <c>~exists</c>, the proposition without the negation).</summary>
    public required Term Condition { get; init; }
    public required Term Filter { get; init; }
    public required IReadOnlyList<Observed> Observed { get; init; }
    /// <summary>rf and co as the model finally defines them (upstream lock.cat adds the lock events'), for witnesses.</summary>
    public required SymRel Rf { get; init; }
    public required SymRel Co { get; init; }
    /// <summary>What each <c>with x from S</c> of the model picked (herd runs the rest of the model once per element of S).</summary>
    public required IReadOnlyList<ModelChoice> ModelChoices { get; init; }

    /// <summary>
    /// Whether the execution carries the engine's co although the model generates co (prepared with engineCo): only
    /// the candidate engine can decide it; the solver needs the test prepared again, without.
    /// </summary>
    public bool CandidatesCarryCo => Model is { GeneratesCo: true } && !Execution.CoFromModel;

    /// <summary>Whether some <c>with</c> of the model has more than one possible pick in this test.</summary>
    public bool ModelPicks => ModelChoices.Any(c => c.Relation.Edges().Any(x => !x.Condition.IsConstant));

    public TermFactory Terms => Program.Terms;

    /// <summary>The model the encoding was built from (the explicit check of one execution runs it again).</summary>
    public ModelSpec? Model { get; init; }

    /// <summary>
    /// How many of <see cref="ConstraintSet.Definitions"/> the execution itself made (rf, co, values, final values)
    /// before the model ran: the rest define the model's own helpers (fixpoints, closures).
    /// </summary>
    public int ExecutionDefinitionCount { get; init; }

    /// <summary>The axiom by which a model says what sys_membarrier() means (membarrier-handshake.cat).</summary>
    public const string MembarrierAxiom = "membarrier-handshake";

    /// <summary>Whether the model has been encoded (<see cref="EncodeModel"/>): only then do the constraints hold its axioms and flags.</summary>
    public bool ModelEncoded { get; private init; }

    /// <param name="cancellation">Stops the build (with <see cref="OperationCanceledException"/>) when a time limit is reached.</param>
    public static TestEncoding Build(LitmusTest test, ModelSpec model, EventOptions? options = null, CancellationToken cancellation = default) =>
        Prepare(test, model, options, cancellation: cancellation).EncodeModel();

    /// <summary>
    /// The test's candidate executions, condition and observed values, before the model runs: what the explicit
    /// check of one execution needs (it runs the model itself). rf and co are the engine's; no model choice is made.
    /// </summary>
    /// <param name="engineCo">
    /// Give the execution a coherence order even when the model generates co: for deciding over candidates, whose co
    /// the model's linearisation then takes (see BitAlgebra.Linearisation). The lock events, whose rf and co such a
    /// model (upstream lock.cat) makes itself, are then reads and writes of the candidate, which the model's must
    /// equal (see ExplicitCheck): only for locks the test neither observes nor touches otherwise
    /// (<see cref="LocksStayApart"/>). <see cref="CandidatesCarryCo"/> says whether it was given.
    /// </param>
    public static TestEncoding Prepare(LitmusTest test, ModelSpec model, EventOptions? options = null, bool engineCo = false,
        CancellationToken cancellation = default)
    {
        var program = ProgramBuilder.Build(test, new MacroTable(model.Macros), options, new TermFactory { Cancellation = cancellation });
        var observed = ObservedLocationNames(test);
        engineCo &= model.GeneratesCo && LocksStayApart(program, observed);
        var exec = new ExecutionRelations(program, model.GeneratesCo && !engineCo, observed, modelGeneratesCo: model.GeneratesCo);
        var conditions = new ConditionEncoder(program, exec);
        return new TestEncoding
        {
            Test = test, Program = program, Execution = exec, Constraints = exec.Constraints,
            Model = model, ExecutionDefinitionCount = exec.Constraints.Definitions.Count,
            Condition = conditions.Encode(test.Condition.Proposition),
            // herd drops an execution whose path computes on a value its solver leaves unsolved, as it drops those
            // the filter rejects (ExecutionRelations.PathsSolved).
            Filter = program.Terms.And(test.Filter is null ? program.Terms.True : conditions.Encode(test.Filter), exec.PathsSolved),
            Observed = ObservedValues(test, exec, conditions),
            Rf = exec.Rf, Co = exec.Co, ModelChoices = [],
        };
    }

    /// <summary>
    /// Whether every lock event accesses a known lock variable that no other access of the test (but its initial
    /// write) may touch and that the test does not observe: herd's final state then has no write of it, and the
    /// model alone speaks of the lock events, through its own rf and co.
    /// </summary>
    private static bool LocksStayApart(LitmusProgram program, HashSet<string> observed)
    {
        var locks = program.Events.Where(ExecutionRelations.IsLockEvent).Select(e => e.Address).ToList();
        if (locks.Count == 0) return true;
        if (locks.Any(a => a is not { Op: Op.WordConst })) return false;
        var addresses = locks.Select(a => a!).Distinct().ToList();
        if (program.Locations.Any(l => observed.Contains(l.Name) && addresses.Any(a => a.Number == l.Address))) return false;
        return program.Events.Where(e => !e.IsInit && !ExecutionRelations.IsLockEvent(e) && e.Address is not null)
            .All(e => addresses.All(a => program.Terms.Eq(e.Address!, a).IsFalse));
    }

    /// <summary>Runs the model over the symbolic relations: its definitions, axioms and flags join the constraints.</summary>
    public TestEncoding EncodeModel()
    {
        if (ModelEncoded) return this;
        var model = Model!;
        var algebra = new SymbolicAlgebra(Execution);
        var interpreter = new CatInterpreter<SymSet, SymRel>(algebra, model.Resolver, model.Variants);
        interpreter.Run(model.Plan);

        if (Program.Membarriers.Count > 0 && Constraints.Axioms.All(a => a.Name != MembarrierAxiom))
            throw new LitmusInputException(Program.Membarriers[0].Span,
                $"this test calls sys_membarrier(), which model '{model.Name}' does not define (it has no '{MembarrierAxiom}' axiom): " +
                "use lkmm+membarrier, tso+membarrier or sc+membarrier, or include membarrier-handshake.cat in your model");
        CheckAnnotations();

        SymRel Final(string name, SymRel engine) => interpreter.Lookup(name) is RelValue<SymRel> r ? r.Rel : engine;
        return new TestEncoding
        {
            Test = Test, Program = Program, Execution = Execution, Constraints = Constraints,
            Model = model, ExecutionDefinitionCount = ExecutionDefinitionCount,
            Condition = Condition, Filter = Filter, Observed = Observed,
            Rf = Final("rf", Execution.Rf),
            Co = Final("co", Execution.Co),
            ModelChoices = algebra.Chosen,
            ModelEncoded = true,
        };
    }

    /// <summary>
    /// herd rejects a test whose events carry annotations the bell file does not declare (known once the model has
    /// run, symbolically or over one execution).
    /// </summary>
    public void CheckAnnotations()
    {
        if (Execution.UndeclaredAnnotation() is var (ev, kind, declared))
            throw new LitmusInputException(ev.Span,
                $"annotation error: '{ev.Text}' makes a {kind} event tagged {{{string.Join(",", ev.Tags)}}}, " +
                $"which the bell file does not declare (it allows {{{string.Join(",", declared.Order())}}})");
    }

    /// <summary>
    /// The conditions, not known in advance, that tell one of herd's executions from another. herd 7.58's
    /// candidate execution is rf and, for each location the test observes, its final write (FW); co comes from
    /// the model (<c>with co from ...</c> in cos.cat, <c>with mo from ...</c> in c11_cos.cat), and herd runs the
    /// rest of the model once per pick, counting each. So: the model's rf, what its <c>with</c> statements
    /// picked, the engine's co where the model reads it as herd's models read a generated co (Litmus's own
    /// lkmm.cat, sc.cat), and otherwise the final writes of the observed locations (c11_cos.cat's mo leaves
    /// non-atomic writes out, so two executions with the same rf and mo may end with different values).
    /// </summary>
    public ExecutionIdentity ExecutionChoices()
    {
        var exclusive = new List<Term>();
        var plain = new List<Term>();
        void Add(List<Term> into, Term t)
        {
            if (!t.IsConstant) into.Add(t);
        }
        var engineCo = ReferenceEquals(Co, Execution.Co) && Model?.Plan.PredefinedNames.Any(n => n is "co" or "coe" or "coi" or "fr" or "fre" or "fri") != false;
        foreach (var (_, _, t) in Rf.Edges()) Add(ReferenceEquals(Rf, Execution.Rf) ? exclusive : plain, t);
        // A model that makes co with 'with co from ...' has it among its choices (an order).
        if ((engineCo || Execution.CoFromModel) && !ModelChoices.Any(c => ReferenceEquals(c.Relation, Co)))
            foreach (var (_, _, t) in Co.Edges()) Add(ReferenceEquals(Co, Execution.Co) ? exclusive : plain, t);
        foreach (var choice in ModelChoices)
            foreach (var (_, _, t) in choice.Relation.Edges()) Add(choice.IsOrder ? exclusive : plain, t);
        if (!engineCo)
        {
            var final = Execution.Predefined("FW")!.Value.Set;
            var observed = ObservedLocationNames(Test);
            foreach (var location in Program.Locations.Where(l => observed.Contains(l.Name)))
                foreach (var (w, t) in final.Members())
                    if (Program.Events[w].Address is { } a) Add(exclusive, Terms.And(t, Terms.Eq(a, Terms.WordConst(location.Address))));
        }
        var plainSet = plain.ToHashSet();
        var seen = new HashSet<Term>();
        var choices = exclusive.Where(t => !plainSet.Contains(t) && seen.Add(t)).ToList();
        var exclusiveCount = choices.Count;
        choices.AddRange(plain.Where(seen.Add));
        return new ExecutionIdentity(choices, exclusiveCount);
    }

    /// <summary>The locations whose final value the test reads: in its condition, its filter, or <c>locations [...]</c>.</summary>
    private static HashSet<string> ObservedLocationNames(LitmusTest test) =>
        Prop.Operands(test.Condition.Proposition).Concat(Prop.Operands(test.Filter)).Concat(test.ObservedLocations)
            .Select(o => o switch { NameOperand n => n.Name, ValueOfOperand v => v.Name, _ => null })
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>herd shows the registers and locations the condition mentions, then those of <c>locations [...]</c>, in order.</summary>
    private static List<Observed> ObservedValues(LitmusTest test, ExecutionRelations exec, ConditionEncoder conditions)
    {
        var result = new List<Observed>();
        var seen = new HashSet<string>();
        void Add(Operand o)
        {
            switch (o)
            {
                case RegisterOperand r when seen.Add($"{r.Thread}:{r.Register}"):
                    var value = conditions.Register(r);
                    result.Add(new Observed($"{r.Thread}:{r.Register}", value, exec.Determined(value)));
                    break;
                case NameOperand or ValueOfOperand:
                    var name = o is NameOperand n ? n.Name : ((ValueOfOperand)o).Name;
                    if (seen.Add("[" + name + "]")) result.Add(new Observed(name, conditions.FinalValue(name, o.Span), exec.FinalDetermined[name]));
                    break;
            }
        }
        foreach (var o in Prop.Operands(test.Condition.Proposition)) Add(o);
        foreach (var o in test.ObservedLocations) Add(o);
        // herd lists registers by thread, then locations, each sorted
        return result.OrderBy(o => o.Name.Contains(':') ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }
}

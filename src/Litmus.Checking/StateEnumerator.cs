using Litmus.Encoding;
using Litmus.Logic;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>What listing the allowed executions found: herd's States block and its execution counts.</summary>
public sealed record ExecutionListing(IReadOnlyList<FinalState> States, long? Positive, long? Negative);

/// <summary>
/// Lists the allowed executions as herd counts them, candidates that differ in rf or co, and the final states
/// they reach. One check finds each execution; a clause over the model's rf and co entries then excludes it.
/// An observed value is read through Booleans bound to the members of its domain (found first, a check per
/// member), because evaluating the value terms in every model cost more than the check itself (measured on the
/// 6-thread RCU ring auto/C-RR-G+RR-G+RR-G+RR-G+RR-G+RR-G: 0.8 ms against 2.4 ms a state; docs/performance.md).
/// </summary>
internal sealed partial class StateEnumerator(TestEncoding enc, ISolver solver, bool countExecutions, bool verifyExplicitly = false, bool explicitListing = true, int solverStatesFirst = StateEnumerator.SolverStatesFirst)
{
    private readonly TermFactory _f = enc.Terms;

    /// <summary>One observed value's domain: the Booleans that say which member it takes (null: undetermined).</summary>
    private List<Term> _packedChoices = [], _packedStates = [];

    private sealed record Domain(Observed Observed, List<(long? Value, Term Is)> Members);

    /// <summary>
    /// More values than this for one register or location means the value is not drawn from the test's constants:
    /// the states cannot be listed.
    /// </summary>
    public const int MaxDomain = 256;

    /// <summary>
    /// States found by the solver alone before listing switches to explicit checks. Each explicit check runs the
    /// whole model (about 0.8 ms on LKMM), more than a solver check of a small test (20 lkmm/ tests in herd
    /// format: 1.08 s CPU by the solver alone, 1.61 s by explicit checks from the start), so a test with few
    /// states is listed by the solver; a large one wastes these checks (about 0.1 s on the RCU rings).
    /// </summary>
    public const int SolverStatesFirst = 32;

    /// <summary>How a search of the states ended: every state found, the solver gave up, or the caller stopped it.</summary>
    private enum SearchEnd { Complete, SolverGaveUp, Stopped }

    /// <summary>Why the last <see cref="Enumerate"/> returned null, when the solver did not give up.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Every allowed execution once, in the solver's current scope (the allowed executions must be asserted).
    /// Null when the solver gives up.
    /// </summary>
    public ExecutionListing? Enumerate()
    {
        solver.Push();
        try
        {
            var domains = new List<Domain>();
            foreach (var o in enc.Observed)
                if (DomainOf(o, domains.Count) is { } d) domains.Add(d);
                else return null;
            _identity = enc.ExecutionChoices();
            var choices = _identity.Choices.ToList();
            _guards = enc.Program.Events.Select(e => e.Guard).Where(g => !g.IsConstant).Distinct().ToList();
            _shortClauses = enc.Program.Events.All(e => e.Address is null || e.Address.Op == Op.WordConst);
            _packedChoices = Packed([.. choices, .. _guards]);
            _packedStates = Packed(domains.SelectMany(d => d.Members.Select(member => member.Is)).ToList());
            var states = new Dictionary<string, FinalState>(StringComparer.Ordinal);
            var found = new List<bool[]>();
            long positive = 0, negative = 0;
            void Count(FinalState state)
            {
                states.TryAdd(state.ToString(), state);
                if (state.Satisfies) positive++; else negative++;
            }
            // The solver first; past solverStatesFirst states, explicit checks of neighbours take over.
            var end = Explore(domains, [], 0, (state, execution) =>
            {
                Count(state);
                found.Add(execution);
                return !(explicitListing && found.Count > solverStatesFirst);
            });
            if (end == SearchEnd.SolverGaveUp) return null;
            var explored = end == SearchEnd.Complete;
            if (end == SearchEnd.Stopped)
            {
                states.Clear();
                (positive, negative) = (0, 0);
                if (ListByNeighbours(domains, choices, Count) is { } listed)
                {
                    if (!listed) return null;
                }
                else
                {
                    found.Clear();
                    if (Explore(domains, [], 0, (state, execution) => { Count(state); found.Add(execution); return true; }) != SearchEnd.Complete) return null;
                    explored = true;
                }
            }
            if (explored && countExecutions && !OneExecutionPerState.Holds(enc) && !CountOtherExecutions(domains, choices, found, Count)) return null;
            var list = states.Values.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
            return countExecutions ? new ExecutionListing(list, positive, negative) : new ExecutionListing(list, null, null);
        }
        finally { solver.Pop(); }
    }

    /// <summary>
    /// The values <paramref name="o"/> takes over all allowed executions, each found by one check that excludes the
    /// ones found so far (inside a scope of its own), then bound to a fresh Boolean in the enumeration's scope.
    /// Null when the solver gives up.
    /// </summary>
    private Domain? DomainOf(Observed o, int index)
    {
        var values = new List<long?>();
        solver.Push();
        try
        {
            while (true)
            {
                var answer = solver.Check();
                if (answer == SolveResult.Unknown) return null;
                if (answer == SolveResult.Unsat) break;
                var m = solver.Model;
                var v = m.EvalBool(o.Determined) ? m.EvalWord(o.Value) : (long?)null;
                values.Add(v);
                if (values.Count > MaxDomain)
                {
                    Failure = $"{o.Name} takes more than {MaxDomain} values (it is not drawn from the test's constants), so the states cannot be listed";
                    return null;
                }
                solver.Assert(_f.Not(Is(o, v)));
            }
        }
        finally { solver.Pop(); }
        var members = new List<(long?, Term)>();
        for (var k = 0; k < values.Count; k++)
        {
            var flag = _f.BoolVar($"state_{index}_{k}");
            solver.Assert(_f.Iff(flag, Is(o, values[k])));
            members.Add((values[k], flag));
        }
        return new Domain(o, members);
    }

    private Term Is(Observed o, long? v) => v is { } x ? _f.And(o.Determined, _f.Eq(o.Value, _f.WordConst(x))) : _f.Not(o.Determined);

    /// <summary>
    /// Finds the states inside the cube that fixes the first <paramref name="depth"/> domains, as an all-solutions
    /// search does: a satisfiable cube yields one state and is split around it (agree with it up to domain j, differ
    /// at j); an unsatisfiable cube is dropped whole. Every question is asked under assumptions, so the solver does
    /// not grow with the states found. <paramref name="found"/> is told each state and the execution that reaches it,
    /// and answers whether to go on.
    /// </summary>
    private SearchEnd Explore(List<Domain> domains, List<Term> cube, int depth, Func<FinalState, bool[], bool> found)
    {
        var answer = solver.Check([.. cube]);
        if (answer == SolveResult.Unknown) return SearchEnd.SolverGaveUp;
        if (answer == SolveResult.Unsat) return SearchEnd.Complete;
        var m = solver.Model;
        if (verifyExplicitly) Verify(m);
        var chosen = ChosenMembers(domains, m);
        var state = ReadState(domains, chosen, m.EvalBool(enc.Condition));
        var stateCube = domains.Select((d, i) => d.Members[chosen[i]].Is).ToList();
        if (!found(state, countExecutions ? Unpack(m, _packedChoices) : [])) return SearchEnd.Stopped;
        for (var j = depth; j < domains.Count; j++)
        {
            for (var v = 0; v < domains[j].Members.Count; v++)
            {
                if (v == chosen[j]) continue;
                cube.Add(domains[j].Members[v].Is);
                var end = Explore(domains, cube, j + 1, found);
                cube.RemoveAt(cube.Count - 1);
                if (end != SearchEnd.Complete) return end;
            }
            cube.Add(stateCube[j]);
        }
        cube.RemoveRange(cube.Count - (domains.Count - depth), domains.Count - depth);
        return SearchEnd.Complete;
    }

    /// <summary>
    /// The executions the state search did not meet: it found one per state, and most states have only one. All
    /// found ones are excluded at once (a clause each, in a scope of their own), so a test whose states each have a
    /// single execution costs one more, unsatisfiable, check; each further execution costs one check and is
    /// excluded in turn. (Asking per state instead cost a check per state: twice the listing's time.)
    /// </summary>
    private bool CountOtherExecutions(List<Domain> domains, List<Term> choices, List<bool[]> found, Action<FinalState> count)
    {
        Term Differs(bool[] chosen) => _f.Or(DifferingLiterals(choices, chosen));
        solver.Push();
        try
        {
            foreach (var chosen in found) solver.Assert(Differs(chosen));
            while (true)
            {
                var answer = solver.Check();
                if (answer == SolveResult.Unknown) return false;
                if (answer == SolveResult.Unsat) return true;
                var m = solver.Model;
                if (verifyExplicitly) Verify(m);
                count(ReadState(domains, ChosenMembers(domains, m), m.EvalBool(enc.Condition)));
                solver.Assert(Differs(Unpack(m, _packedChoices)));
            }
        }
        finally { solver.Pop(); }
    }

    private ExecutionIdentity _identity = new([], 0);

    /// <summary>The guards of the events that may or may not happen: which happened is read with each execution.</summary>
    private List<Term> _guards = [];

    /// <summary>Whether an execution is excluded by its true choices and its missing events (see <see cref="DifferingLiterals"/>).</summary>
    private bool _shortClauses;

    /// <summary>
    /// The literals of a clause that excludes one execution (its choice terms, then its guards, as read). Each
    /// exclusive group (rf of a read, the order of two writes, a final write) has exactly one true member in an
    /// execution that has the group, so its true members alone name the execution, once the events that did not
    /// happen are said not to (without that, an execution with the same choices and more events would be
    /// excluded too: a read that exists only when a value cycle solves one way). The clause is then a few
    /// literals per read instead of one per candidate write: G00079+fco+frf+prf+frf+prf+pfr, 5,040
    /// executions under c11_orig.cat, took 34 s of CPU with every literal, 19 s with these. Events at computed
    /// addresses may change location with the values, so their tests keep every literal.
    /// </summary>
    private IEnumerable<Term> DifferingLiterals(List<Term> choices, bool[] chosen)
    {
        for (var i = 0; i < choices.Count; i++)
            if (chosen[i]) yield return _f.Not(choices[i]);
            else if (!_shortClauses || i >= _identity.Exclusive) yield return choices[i];
        if (!_shortClauses) yield break;
        for (var j = 0; j < _guards.Count; j++)
            if (!chosen[choices.Count + j]) yield return _guards[j];
    }

    /// <summary>
    /// Booleans packed 62 to a word (bit i set when the i-th holds), so that reading a model costs one evaluation
    /// per word instead of one per Boolean: evaluating each rf and co pair on its own made reading a model cost
    /// as much as finding it (docs/performance.md).
    /// </summary>
    private List<Term> Packed(List<Term> bools)
    {
        var words = new List<Term>();
        for (var start = 0; start < bools.Count; start += 62)
        {
            var word = _f.WordConst(0);
            for (var i = start; i < Math.Min(start + 62, bools.Count); i++)
                word = _f.Binary(Op.BitOr, word, _f.Ite(bools[i], _f.WordConst(1L << (i - start)), _f.WordConst(0)));
            words.Add(word);
        }
        return words;
    }

    private static bool[] Unpack(IModel m, List<Term> words)
    {
        var bits = new List<bool>();
        foreach (var w in words)
        {
            var v = m.EvalWord(w);
            for (var i = 0; i < 62; i++) bits.Add(((v >> i) & 1) != 0);
        }
        return [.. bits];
    }

    /// <summary>The state an execution reaches, from the member each domain takes; the proposition reads only observed values, so the execution answers it for the state.</summary>
    private FinalState ReadState(List<Domain> domains, int[] chosen, bool satisfies) =>
        State(enc, domains.Select((d, i) => (d.Observed, d.Members[chosen[i]].Value)), satisfies);

    /// <summary>A state as herd prints it, from each observed value (null: undetermined, shown <c>?</c>).</summary>
    internal static FinalState State(TestEncoding enc, IEnumerable<(Observed Observed, long? Value)> values, bool satisfies) =>
        new([.. values.Select(o => (o.Observed.Name.Contains(':') ? o.Observed.Name : $"[{o.Observed.Name}]",
            o.Value is { } v ? ValueNames.Show(enc.Program, v) : "?"))], satisfies);

    /// <summary>For each domain, the index of the member the model's value takes (read through the packed Booleans).</summary>
    private int[] ChosenMembers(List<Domain> domains, IModel m)
    {
        var members = Unpack(m, _packedStates);
        var chosen = new int[domains.Count];
        for (int i = 0, k = 0; i < domains.Count; k += domains[i].Members.Count, i++)
            chosen[i] = Enumerable.Range(0, domains[i].Members.Count).First(j => members[k + j]);
        return chosen;
    }
}

using Litmus.Encoding;
using Litmus.Logic;
using Litmus.Smt;

namespace Litmus.Checking;

/// <summary>What listing the allowed executions found: herd's States block and its execution counts.</summary>
public sealed record ExecutionListing(IReadOnlyList<FinalState> States, long Positive, long Negative);

/// <summary>
/// Lists the allowed executions as herd counts them, candidates that differ in rf or co, and the final states
/// they reach. One check finds each execution; a clause over the model's rf and co entries then excludes it.
/// An observed value is read through Booleans bound to the members of its domain (found first, a check per
/// member), because evaluating the value terms in every model cost more than the check itself (measured on the
/// 6-thread RCU ring auto/C-RR-G+RR-G+RR-G+RR-G+RR-G+RR-G: 0.8 ms against 2.4 ms a state; docs/performance.md).
/// </summary>
internal sealed class StateEnumerator(TestEncoding enc, ISolver solver)
{
    private readonly TermFactory _f = enc.Terms;

    /// <summary>One observed value's domain: the Booleans that say which member it takes (null: undetermined).</summary>
    private sealed record Domain(Observed Observed, List<(long? Value, Term Is)> Members);

    /// <summary>
    /// More values than this for one register or location means the value is not drawn from the test's constants
    /// (srcu_read_lock()'s index is such a value: any number, distinct from the other calls'): the states cannot be listed.
    /// </summary>
    public const int MaxDomain = 256;

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
            var choices = ExecutionChoices();
            var states = new Dictionary<string, FinalState>(StringComparer.Ordinal);
            long positive = 0, negative = 0;
            while (true)
            {
                var answer = solver.Check();
                if (answer == SolveResult.Unknown) return null;
                if (answer == SolveResult.Unsat) break;
                var m = solver.Model;
                var state = ReadState(domains, m);
                if (state.Satisfies) positive++; else negative++;
                states.TryAdd(state.ToString(), state);
                // The next execution differs from this one in some rf or co pair.
                solver.Assert(_f.Or(choices.Select(c => m.EvalBool(c) ? _f.Not(c) : c)));
            }
            var listed = states.Values.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
            return new ExecutionListing(listed, positive, negative);
        }
        finally { solver.Pop(); }
    }

    /// <summary>
    /// The conditions of the rf and co pairs that are not known in advance: an execution is a choice of them
    /// (herd's candidate execution), the rest follows. rf and co as the model finally defines them, so that a
    /// model which builds co or the lock rf itself is counted by its own choices.
    /// </summary>
    private List<Term> ExecutionChoices()
    {
        var seen = new HashSet<Term>();
        var choices = new List<Term>();
        foreach (var rel in new[] { enc.Rf, enc.Co })
            foreach (var (_, _, t) in rel.Edges())
                if (!t.IsConstant && seen.Add(t)) choices.Add(t);
        return choices;
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
                var v = m.EvalBool(o.Determined) ? m.EvalValue(o.Value) : (long?)null;
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

    private Term Is(Observed o, long? v) => v is { } x ? _f.And(o.Determined, _f.Eq(o.Value, _f.ValueConst(x))) : _f.Not(o.Determined);

    /// <summary>The state an execution reaches; the proposition reads only observed values, so the execution answers it for the state.</summary>
    private FinalState ReadState(List<Domain> domains, IModel m) =>
        new(domains.Select(d => (d.Observed.Name.Contains(':') ? d.Observed.Name : $"[{d.Observed.Name}]",
                d.Members.First(member => m.EvalBool(member.Is)).Value is { } v ? ValueNames.Show(enc.Program, v) : "?")).ToList(),
            m.EvalBool(enc.Condition));
}

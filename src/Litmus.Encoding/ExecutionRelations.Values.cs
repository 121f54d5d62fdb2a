using Litmus.Events;
using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>
/// Which values an execution determines. herd computes values by solving the equations that rf and the
/// program's data flow give. A read whose value flows, through data dependencies and rf, back into the write it
/// reads from gives an equation that depends on itself: when it is a plain copy herd leaves it unsolved but keeps
/// the execution, and a condition that compares an unsolved value is false. So herd never shows an
/// out-of-thin-air value (no execution satisfies <c>b=42</c> in a test that never writes 42), yet
/// <c>~(0:r1=0)</c> holds of an unsolved r1 (corpus tests C-JO-OOTA-2, C-OOTA, C-AS-OOTA-1). (When the program
/// computes anything from the unsolved value, a branch condition say, herd drops the execution instead; that
/// rule is not implemented here yet: docs/conformance.md, "Values that justify themselves".) Here, <c>det_r</c> says read r's value is determined:
/// the least fixpoint of "r reads from a write whose value is determined", exact by the rank encoding used for
/// <c>let rec</c>: ranks only on reads that lie on a may-cycle of rf ∪ data.
/// </summary>
public sealed partial class ExecutionRelations
{
    /// <summary>The reads whose value a variable is: one, except a C11 compare-exchange's two exclusive reads (success and failure orders), which share theirs.</summary>
    private readonly Dictionary<Term, List<int>> _readsOfValue = new();
    private readonly Dictionary<Term, Term> _determined = new();

    private void EncodeDeterminedValues()
    {
        foreach (var r in _events.Where(IsRead))
            if (r.Value is { Op: Op.WordVar } v)
            {
                if (!_readsOfValue.TryGetValue(v, out var reads)) _readsOfValue[v] = reads = [];
                reads.Add(r.Id);
            }

        var flow = new SymRel(EventCount);
        foreach (var (w, r, t) in Rf.Edges()) flow.AddOr(Terms, w, r, t);
        foreach (var e in Program.Data) flow.AddOr(Terms, e.From, e.To, e.Condition);
        var component = StronglyConnected.Components(EventCount, a => flow.Rows[a].Keys);
        var size = component.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        bool OnCycle(int a) => flow.Rows[a].ContainsKey(a) || size[component[a]] > 1;

        var variableReads = _readsOfValue.Values.SelectMany(r => r).ToHashSet();
        foreach (var r in _events.Where(e => IsRead(e) && variableReads.Contains(e.Id)))
        {
            var sources = Rf.Edges().Where(e => e.To == r.Id).ToList();
            var closure = Terms.Or(sources.Select(s => Terms.And(s.Condition, Determined(_events[s.From].Value!))));
            var det = DeterminedVar(r.Id);
            _determinedBy[det] = closure;
            if (!OnCycle(r.Id))
            {
                Constraints.Definitions.Add(Terms.Iff(det, closure));
                continue;
            }
            // Least fixpoint: determined if a source is (closure), and only if a source is determined by reads of smaller rank.
            Constraints.Definitions.Add(Terms.Implies(closure, det));
            var rank = RankVar(r.Id);
            var justified = Terms.Or(sources.Select(s => Terms.And(s.Condition, TermRewriter.Substitute(Terms, Determined(_events[s.From].Value!),
                t => t.Op == Op.BoolVar && _detOwner.TryGetValue(t, out var q) && component[q] == component[r.Id]
                    ? Terms.And(t, Terms.Lt(RankVar(q), rank)) : null))));
            Constraints.Definitions.Add(Terms.Implies(det, justified));
        }
    }

    private readonly Dictionary<Term, int> _detOwner = new();
    private readonly Dictionary<Term, Term> _determinedBy = new();

    /// <summary>Each read's <c>det_r</c> and what makes it hold (a source it reads from is determined): its least fixpoint is det.</summary>
    public IReadOnlyDictionary<Term, Term> DeterminedBy => _determinedBy;

    /// <summary>True when every read's value is a variable of its own (no compare-exchange pair shares one).</summary>
    public bool ReadValuesAreOwn => _readsOfValue.Values.All(r => r.Count == 1);

    private Term DeterminedVar(int read)
    {
        var v = Terms.BoolVar($"det_{read}");
        _detOwner[v] = read;
        _detOf[read] = v;
        return v;
    }

    /// <summary>The rank that orders the justification of det_r among reads on a may-cycle (see the class summary).</summary>
    private Term RankVar(int read) => _rankOf[read] = Terms.IntVar($"detrank_{read}");

    private readonly Dictionary<int, Term> _detOf = new();
    private readonly Dictionary<int, Term> _rankOf = new();

    /// <summary>Each read's <c>det_r</c>, by read id (reads whose value is a variable).</summary>
    internal IReadOnlyDictionary<int, Term> DeterminedVars => _detOf;

    /// <summary>The ranks of the reads on a may-cycle of values, by read id: whoever assigns det assigns them too.</summary>
    internal IReadOnlyDictionary<int, Term> Ranks => _rankOf;

    /// <summary>
    /// When a value term is determined: constants always; a read's value when the read is; an if-then-else
    /// when its condition is and the chosen branch is; an operation when all its operands are.
    /// </summary>
    public Term Determined(Term t)
    {
        if (t.Sort == Sort.Int) return Terms.True;
        if (_determined.TryGetValue(t, out var known)) return known;
        var d = t.Op switch
        {
            Op.WordVar when _readsOfValue.TryGetValue(t, out var ids) => ids.Count == 1 ? DeterminedVar(ids[0])
                : Terms.Or(ids.Select(id => Terms.And(Guard(id), DeterminedVar(id)))),
            Op.WordVar or Op.BoolVar => Terms.True, // final-value variables are handled by their definitions
            Op.Ite => Terms.And(Determined(t.Children[0]), Terms.Ite(t.Children[0], Determined(t.Children[1]), Determined(t.Children[2]))),
            _ => Terms.And(t.Children.Select(Determined)),
        };
        _determined[t] = d;
        return d;
    }
}

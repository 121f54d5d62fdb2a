using Litmus.Events;
using Litmus.Logic;

namespace Litmus.Encoding;

/// <summary>
/// Which values an execution determines. herd computes values by solving the equations that rf and the
/// program's data flow give. A read whose value flows, through data dependencies and rf, back into the write it
/// reads from gives an equation that depends on itself: when it is a plain copy herd leaves it unsolved but keeps
/// the execution, and a condition that compares an unsolved value is false. So herd never shows an
/// out-of-thin-air value (no execution satisfies <c>b=42</c> in a test that never writes 42), yet
/// <c>~(0:r1=0)</c> holds of an unsolved r1 (corpus tests C-JO-OOTA-2, C-OOTA, C-AS-OOTA-1). When the program
/// computes anything from the unsolved value, a branch condition say, herd drops the execution instead
/// (<see cref="PathsSolved"/>). Here, <c>det_r</c> says read r's value is determined:
/// the least fixpoint of "r reads from a write whose value is determined, or a successful compare-and-exchange
/// pins it to a determined value, or a determined read reads a plain copy of it", exact by the rank encoding used
/// for <c>let rec</c>: ranks only on reads that lie on a may-cycle of rf ∪ data (∪ those copies).
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

        // herd solves copies both ways: a read that reads a plain copy of another read's value is that value, so
        // either one solved solves the other. Only a pin (a compare-and-exchange) can solve a read that its own
        // sources do not, so without pins the way back adds nothing (and would put every copy on a cycle).
        var copiedInto = new Dictionary<int, List<(int Read, Term When)>>();
        foreach (var (w, r, t) in Program.Pins.Count == 0 ? [] : Rf.Edges())
            if (_events[w].Value is { Op: Op.WordVar } copied && _readsOfValue.TryGetValue(copied, out var from) && from.Count == 1
                && _events[r].Value is { Op: Op.WordVar } into && _readsOfValue.TryGetValue(into, out var to) && to.Count == 1)
            {
                if (!copiedInto.TryGetValue(from[0], out var list)) copiedInto[from[0]] = list = [];
                list.Add((r, t));
            }
        var flow = new SymRel(EventCount);
        foreach (var (w, r, t) in Rf.Edges()) flow.AddOr(Terms, w, r, t);
        foreach (var e in Program.Data) flow.AddOr(Terms, e.From, e.To, e.Condition);
        foreach (var (q, copies) in copiedInto)
            foreach (var (r, t) in copies) flow.AddOr(Terms, r, q, t);
        var component = StronglyConnected.Components(EventCount, a => flow.Rows[a].Keys);
        var size = component.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        bool OnCycle(int a) => flow.Rows[a].ContainsKey(a) || size[component[a]] > 1;
        // Only a read on a may-cycle, or one its values may reach, can be left unsolved: every other read's value is
        // worked out from the constants (see Solved).
        var frontier = new Stack<int>(Enumerable.Range(0, EventCount).Where(OnCycle));
        foreach (var a in frontier) _maybeUnsolved.Add(a);
        while (frontier.Count > 0)
            foreach (var b in flow.Rows[frontier.Pop()].Keys)
                if (_maybeUnsolved.Add(b)) frontier.Push(b);

        var variableReads = _readsOfValue.Values.SelectMany(r => r).ToHashSet();
        foreach (var r in _events.Where(e => IsRead(e) && variableReads.Contains(e.Id)))
        {
            var sources = Rf.Edges().Where(e => e.To == r.Id).ToList();
            // A successful compare-and-exchange pins its read to the expected value (herd's solver takes the
            // equation as the read's solution).
            var pins = Program.Pins.Where(p => p.Read == r.Id).ToList();
            var copies = copiedInto.GetValueOrDefault(r.Id, []);
            var closure = Terms.Or(sources.Select(s => Terms.And(s.Condition, Determined(_events[s.From].Value!)))
                .Concat(pins.Select(p => Terms.And(p.When, Determined(p.Value))))
                .Concat(copies.Select(c => Terms.And(c.When, DeterminedVar(c.Read)))));
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
            Term Ranked(Term determined) => TermRewriter.Substitute(Terms, determined,
                t => t.Op == Op.BoolVar && _detOwner.TryGetValue(t, out var q) && component[q] == component[r.Id]
                    ? Terms.And(t, Terms.Lt(RankVar(q), rank)) : null);
            var justified = Terms.Or(sources.Select(s => Terms.And(s.Condition, Ranked(Determined(_events[s.From].Value!))))
                .Concat(pins.Select(p => Terms.And(p.When, Ranked(Determined(p.Value)))))
                .Concat(copies.Select(c => Terms.And(c.When, Ranked(DeterminedVar(c.Read))))));
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
        return v;
    }

    /// <summary>The read whose det variable <paramref name="det"/> is.</summary>
    internal int DetOwner(Term det) => _detOwner[det];

    /// <summary>The rank that orders the justification of det_r among reads on a may-cycle (see the class summary).</summary>
    private Term RankVar(int read) => _rankOf[read] = Terms.IntVar($"detrank_{read}");

    private readonly Dictionary<int, Term> _rankOf = new();

    /// <summary>The ranks of the reads on a may-cycle of values, by read id: whoever assigns det assigns them too.</summary>
    internal IReadOnlyDictionary<int, Term> Ranks => _rankOf;

    /// <summary>
    /// When a value term is determined: constants always; a read's value when the read is; an if-then-else when the
    /// chosen branch is (herd follows one path of the program at a time, so the value a branch gives is that branch's;
    /// whether the condition itself is solved is <see cref="PathsSolved"/>'s business); an operation when all its
    /// operands are.
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
            Op.Ite => Terms.Ite(t.Children[0], Determined(t.Children[1]), Determined(t.Children[2])),
            _ => Terms.And(t.Children.Select(Determined)),
        };
        _determined[t] = d;
        return d;
    }

    private readonly Dictionary<Term, Term> _solved = new();
    private readonly HashSet<int> _maybeUnsolved = [];

    /// <summary>
    /// When an operation's value is solved: as <see cref="Determined"/>, but an if-then-else also needs its condition
    /// (a comparison turned into 0 or 1 is one: <c>r = (x == 1)</c> computes the comparison).
    /// </summary>
    private Term Solved(Term t)
    {
        if (t.Op == Op.WordVar && _readsOfValue.TryGetValue(t, out var reads) && !reads.Any(_maybeUnsolved.Contains)) return Terms.True;
        if (t.Sort == Sort.Int || t.Children.Count == 0) return Determined(t);
        if (_solved.TryGetValue(t, out var known)) return known;
        var s = t.Op == Op.Ite
            ? Terms.And(Solved(t.Children[0]), Terms.Ite(t.Children[0], Solved(t.Children[1]), Solved(t.Children[2])))
            : Terms.And(t.Children.Select(Solved));
        _solved[t] = s;
        return s;
    }

    /// <summary>
    /// herd's rule for values that justify themselves: every operation a thread computes on the path it takes (a
    /// branch condition, arithmetic, even into a register nobody reads, a failed compare-and-exchange's test) has
    /// solved operands, or herd's solver leaves an equation over and the execution is dropped. A value that only
    /// copies itself around a cycle of rf and data stays unsolved without dropping anything (it then equals no
    /// constant: see <see cref="Determined"/>). Read from herdtools7's solver and checked against herd7 7.58 with
    /// probes under a model with no axioms (docs/conformance.md, "Values that justify themselves").
    /// </summary>
    public Term PathsSolved => _pathsSolved ??= Terms.And(Program.Computations.Select(c => Terms.Implies(c.Guard, Solved(c.Term))));
    private Term? _pathsSolved;
}

using Litmus.Events;
using Litmus.Logic;
using Litmus.Models.Plan;

namespace Litmus.Encoding;

/// <summary>
/// Candidates the model is known to forbid, skipped before it runs: when the model states uniproc or atomicity
/// plainly (<see cref="KnownAxioms"/>), a coherence order that breaks one of them at a location, or a read from a
/// write that comes after it in program order, can only be forbidden. Both axioms speak of one location at a time
/// (po-loc, rf, co, fr and rmw's two halves all stay within one), so each location's orders are pruned on their own.
/// A read from a write whose value is a different constant is dropped too, model or not (the values must agree),
/// and so is one the test's filter rules out: a filter <c>0:r2=0 /\ ...</c> on a register that holds what a read
/// returns keeps only the sources that may write that value (herd drops the others' executions unseen as well).
/// With C11's single-event RMWs the model sees other relations (see ExecutionRelations.SingleEventRmw), and
/// nothing is pruned by the axioms.
/// </summary>
internal sealed class CandidatePruning
{
    private readonly ExecutionRelations _exec;
    private readonly bool _uniproc;
    private readonly bool _atomicity;
    /// <summary>The rmw pairs that hold whenever both events happen (read id, write id).</summary>
    private readonly List<(int Read, int Write)> _rmw;

    /// <summary>Values the filter requires of reads: a read whose value is the key must return the value.</summary>
    private readonly Dictionary<Term, long> _required = [];

    public CandidatePruning(ExecutionRelations exec, KnownAxioms known, Term filter)
    {
        _exec = exec;
        RequireConjuncts(filter);
        var merged = exec.Program.SingleEventRmw.Count > 0;
        _uniproc = known.Uniproc && !merged;
        _atomicity = known.Atomicity && !merged;
        // as the predefined rmw has it: between accesses only
        _rmw = [.. exec.Program.Rmw.Where(e => e.Condition.IsTrue && exec.IsAccess(exec.EventAt(e.From)) && exec.IsAccess(exec.EventAt(e.To)))
            .Select(e => (e.From, e.To))];
        _locks = new LockOrders(exec);
    }

    /// <summary>Where the model places the lock events the candidates carry (when it orders them itself).</summary>
    private readonly LockOrders _locks;

    /// <summary>Whether coherence orders are pruned at all.</summary>
    public bool PrunesOrders => _uniproc || _atomicity || _locks.Apply;

    /// <summary>The filter's conjuncts <c>v = k</c>, with v a variable and k a constant.</summary>
    private void RequireConjuncts(Term filter)
    {
        if (filter.Op == Op.And)
            foreach (var c in filter.Children) RequireConjuncts(c);
        else if (filter.Op == Op.Eq && filter.Children is [var a, var b])
        {
            if (a.Op == Op.WordVar && b.Op == Op.WordConst) _required[a] = b.Number;
            else if (b.Op == Op.WordVar && a.Op == Op.WordConst) _required[b] = a.Number;
        }
    }

    /// <summary>
    /// Whether <paramref name="read"/> may read from <paramref name="write"/> in an execution the model could allow and
    /// the filter keep.
    /// </summary>
    public bool MayRead(Event read, Event write)
    {
        if (write.Value is { Op: Op.WordConst } w)
        {
            if (read.Value is { Op: Op.WordConst } r && r.Number != w.Number) return false;
            if (read.Value is { } v && _required.TryGetValue(v, out var k) && k != w.Number) return false;
        }
        // rf against po-loc: read po write, and write rf read, is a cycle of two.
        return !(_uniproc && ExecutionRelations.InProgramOrder(read, write));
    }

    /// <summary>
    /// The orders of one location's <paramref name="writes"/> (the initial write first, when <paramref name="initFirst"/>) that keep
    /// uniproc and atomicity, given the reads that happen at the location and the write each reads from; null when
    /// there are more than <paramref name="cap"/> of them, or more than that many to try.
    /// </summary>
    public List<int[]>? Admissible(IReadOnlyList<int> writes, bool initFirst, IReadOnlyList<(int Read, int Source)> reads, int cap)
    {
        // Many candidates share a location's writes and its reads' sources (the other locations' choices vary).
        var key = new int[writes.Count + 1 + 2 * reads.Count];
        var i = 0;
        foreach (var w in writes) key[i++] = w;
        key[i++] = -1;
        foreach (var (read, source) in reads) { key[i++] = read; key[i++] = source; }
        if (!_admissible.TryGetValue(key, out var kept)) _admissible[key] = kept = Generate(writes, initFirst, reads, cap);
        return kept;
    }

    private readonly Dictionary<int[], List<int[]>?> _admissible = new(IntSequence.Comparer);

    /// <summary>
    /// The orders, built write by write: under uniproc a write comes after the writes before it in program order and
    /// after the source of its RMW's read; under atomicity, once an RMW's source is placed, only writes of the
    /// RMW's thread may come before its own write. Each complete order is then checked in full.
    /// </summary>
    private List<int[]>? Generate(IReadOnlyList<int> writes, bool initFirst, IReadOnlyList<(int Read, int Source)> reads, int cap)
    {
        var n = writes.Count;
        var nodes = n + reads.Count;
        var indexOf = new Dictionary<int, int>(nodes);
        for (var i = 0; i < n; i++) indexOf[writes[i]] = i;
        for (var j = 0; j < reads.Count; j++) indexOf[reads[j].Read] = n + j;
        // Edges that do not depend on the order: po-loc and rf.
        var fixedEdges = new List<(int, int)>();
        var before = new List<int>[n]; // writes that must be placed before each
        for (var i = 0; i < n; i++) before[i] = initFirst && i > 0 ? [0] : [];
        if (_uniproc)
        {
            var events = indexOf.Keys.Select(_exec.EventAt).ToList();
            foreach (var a in events)
                foreach (var b in events)
                    if (ExecutionRelations.InProgramOrder(a, b))
                    {
                        fixedEdges.Add((indexOf[a.Id], indexOf[b.Id]));
                        if (indexOf[a.Id] < n && indexOf[b.Id] < n) before[indexOf[b.Id]].Add(indexOf[a.Id]);
                    }
            foreach (var (read, source) in reads) fixedEdges.Add((indexOf[source], indexOf[read]));
        }
        // The RMWs at this location: their thread, their read's source and their write, by index.
        var rmws = _rmw.Where(p => indexOf.ContainsKey(p.Read) && indexOf.ContainsKey(p.Write))
            .Select(p => (Thread: _exec.EventAt(p.Read).Thread, Source: indexOf[reads[indexOf[p.Read] - n].Source], Write: indexOf[p.Write],
                Ordered: ExecutionRelations.InProgramOrder(_exec.EventAt(p.Read), _exec.EventAt(p.Write)))).ToList();
        // uniproc: the RMW's write after its read's source (else write co source rf read po-loc write is a cycle)
        if (_uniproc)
            foreach (var r in rmws.Where(r => r.Ordered)) before[r.Write].Add(r.Source);
        var atomic = _atomicity ? rmws : [];
        // The lock writes here whose lock read has its source (it always has, when the write happens), by write index.
        var lockSource = new Dictionary<int, int>();
        if (_locks.Apply)
            for (var j = 0; j < reads.Count; j++)
                foreach (var (write, read) in _locks.ReadOfLockWrite)
                    if (read == reads[j].Read && indexOf.TryGetValue(write, out var wi)) lockSource[wi] = indexOf[reads[j].Source];

        var kept = new List<int[]>();
        var order = new int[n];
        var position = new int[n];
        var placed = new bool[n];
        var tries = 0;
        bool Place(int p)
        {
            if (++tries > cap) return false;
            if (p == n)
            {
                if (!(_uniproc && HasUniprocCycle(nodes, fixedEdges, order, position, reads, indexOf)))
                {
                    kept.Add((int[])order.Clone());
                    if (kept.Count > cap) return false;
                }
                return true;
            }
            for (var w = 0; w < n; w++)
            {
                if (placed[w] || before[w].Any(b => !placed[b])) continue;
                // atomicity: a write of another thread may not come after an RMW's source while its own write is unplaced
                var thread = _exec.EventAt(writes[w]).Thread;
                if (atomic.Any(a => placed[a.Source] && !placed[a.Write] && a.Write != w && thread != a.Thread)) continue;
                if (_locks.Apply && !LockMayGo(w, p, order, placed, lockSource, writes)) continue;
                placed[w] = true;
                order[p] = w;
                position[w] = p;
                var more = Place(p + 1);
                placed[w] = false;
                if (!more) return false;
            }
            return true;
        }
        return Place(0) ? kept : null;
    }

    /// <summary>
    /// Whether write <paramref name="w"/> may take position <paramref name="p"/> under <see cref="LockOrders"/>: a lock write
    /// right after its lock read's source, an unlock right after a lock write of its thread before it, and nothing
    /// else right after a lock read's source while that read's lock write waits.
    /// </summary>
    private bool LockMayGo(int w, int p, int[] order, bool[] placed, Dictionary<int, int> lockSource, IReadOnlyList<int> writes)
    {
        var previous = p > 0 ? order[p - 1] : -1;
        if (lockSource.TryGetValue(w, out var source)) return previous == source;
        if (_locks.IsUnlock(writes[w]) && (previous < 0 || !_locks.MayFollow(writes[previous], writes[w]))) return false;
        foreach (var (lockWrite, s) in lockSource)
            if (s == previous && !placed[lockWrite]) return false;
        return true;
    }

    /// <summary>A cycle in po-loc | rf | co | fr at this location (co by its immediate steps, fr to the write right after the source).</summary>
    private static bool HasUniprocCycle(int nodes, List<(int, int)> fixedEdges, int[] order, int[] position,
        IReadOnlyList<(int Read, int Source)> reads, Dictionary<int, int> indexOf)
    {
        var next = new List<int>[nodes];
        for (var i = 0; i < nodes; i++) next[i] = [];
        foreach (var (a, b) in fixedEdges) next[a].Add(b);
        for (var p = 0; p + 1 < order.Length; p++) next[order[p]].Add(order[p + 1]);
        foreach (var (read, source) in reads)
            if (position[indexOf[source]] + 1 < order.Length) next[indexOf[read]].Add(order[position[indexOf[source]] + 1]);
        // Kahn: a cycle leaves nodes that never reach in-degree 0.
        var inDegree = new int[nodes];
        foreach (var list in next) foreach (var b in list) inDegree[b]++;
        var ready = new Stack<int>(Enumerable.Range(0, nodes).Where(i => inDegree[i] == 0));
        var seen = 0;
        while (ready.Count > 0)
        {
            var a = ready.Pop();
            seen++;
            foreach (var b in next[a])
                if (--inDegree[b] == 0) ready.Push(b);
        }
        return seen < nodes;
    }
}

/// <summary>
/// The odometer over the reads' sources: each read's choices (its sources that <see cref="CandidatePruning.MayRead"/>
/// keeps, then none when it may not happen), with the reads of a location grouped in one block of digits when that
/// location's admissible orders depend on those digits alone (constant addresses everywhere, every event there
/// unconditional). When a location has no admissible order, every combination that keeps its block's choices
/// (and those of the blocks above it) is skipped at once.
/// </summary>
internal sealed class ReadChoices
{
    private readonly int[][] _sources;
    private readonly int[] _options;
    /// <summary>Read indices, least significant digit first.</summary>
    private readonly int[] _digits;
    private readonly Dictionary<long, int> _blockStart = [];

    public ReadChoices(IReadOnlyList<(Event Read, Term? Value, List<(Event Write, Term Rf)> Sources)> reads, CandidatePruning pruning, ExecutionRelations exec)
    {
        _sources = [.. reads.Select(r => Enumerable.Range(0, r.Sources.Count).Where(i => pruning.MayRead(r.Read, r.Sources[i].Write)).ToArray())];
        _options = [.. reads.Select((r, k) => _sources[k].Length + (r.Read.Guard.IsTrue ? 0 : 1))];
        var events = exec.Program.Events.Where(e => !e.Guard.IsFalse && e.Address is not null).ToList();
        var blocks = new Dictionary<long, List<int>>();
        if (pruning.PrunesOrders && events.All(e => e.Address!.Op == Op.WordConst))
        {
            var atAddress = events.ToLookup(e => e.Address!.Number);
            for (var k = 0; k < reads.Count; k++)
            {
                var a = reads[k].Read.Address!.Number;
                if (atAddress[a].All(e => e.Guard.IsTrue) && RmwUnconditionalAt(exec, a))
                {
                    if (!blocks.TryGetValue(a, out var block)) blocks[a] = block = [];
                    block.Add(k);
                }
            }
        }
        var inBlocks = blocks.Values.SelectMany(b => b).ToHashSet();
        var digits = Enumerable.Range(0, reads.Count).Where(k => !inBlocks.Contains(k)).ToList();
        // The block with the most combinations most significant: its combinations that leave a location no order
        // (most of a lock's, see LockOrders) then skip every combination of the blocks below at once.
        foreach (var (address, block) in blocks.OrderBy(b => b.Value.Aggregate(1.0, (n, k) => n * _options[k])))
        {
            _blockStart[address] = digits.Count;
            digits.AddRange(block);
        }
        _digits = [.. digits];
    }

    /// <summary>Every rmw edge at the address holds whenever its events happen (a conditional one would make the location's orders depend on more than its reads).</summary>
    private static bool RmwUnconditionalAt(ExecutionRelations exec, long address) =>
        exec.Program.Rmw.All(e => exec.EventAt(e.From).Address is not { Op: Op.WordConst } a || a.Number != address || e.Condition.IsTrue);

    /// <summary>A read that must happen has no source it may take: there is no candidate at all.</summary>
    public bool None => _options.Contains(0);

    /// <summary>The index among read k's sources of its choice <paramref name="c"/>; -1 for none.</summary>
    public int Source(int k, int c) => c < _sources[k].Length ? _sources[k][c] : -1;

    /// <summary>The number of combinations, or null over <paramref name="limit"/>.</summary>
    public long? Combinations(long limit)
    {
        var n = 1L;
        foreach (var o in _options)
            if ((n *= o) > limit) return null;
        return n;
    }

    /// <summary>Moves <paramref name="choice"/> (by read) to the next combination; false after the last.</summary>
    public bool Next(int[] choice)
    {
        var d = 0;
        while (d < _digits.Length && ++choice[_digits[d]] == _options[_digits[d]]) choice[_digits[d++]] = 0;
        return d < _digits.Length;
    }

    /// <summary>The first digit of the block of <paramref name="address"/>'s reads; -1 when its reads are not a block.</summary>
    public int BlockOf(long address) => _blockStart.TryGetValue(address, out var d) ? d : -1;

    /// <summary>Sets every digit below <paramref name="block"/> to its last choice, so that the next <see cref="Next"/> moves the block itself.</summary>
    public void ExhaustBelow(int[] choice, int block)
    {
        for (var d = 0; d < block; d++) choice[_digits[d]] = _options[_digits[d]] - 1;
    }
}

/// <summary>Int arrays compared by their contents (memo keys).</summary>
internal sealed class IntSequence : IEqualityComparer<int[]>
{
    public static readonly IntSequence Comparer = new();

    public bool Equals(int[]? a, int[]? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));

    public int GetHashCode(int[] a)
    {
        var h = new HashCode();
        h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
        return h.ToHashCode();
    }
}

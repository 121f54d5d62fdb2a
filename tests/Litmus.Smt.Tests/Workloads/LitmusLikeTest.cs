using Litmus.Logic;

namespace Litmus.Smt.Tests.Workloads;

/// <summary>
/// A random litmus-style test encoded the way a memory-model checker would: a boolean reads-from choice per read,
/// 64-bit values flowing through data dependencies, and integer clocks ordered by difference constraints
/// <c>c(a) &lt; c(b)</c>. Only the formula's shape matters: it is the workload for the solver-choice measurement
/// and for the memory test, so it is deterministic in its seed.
/// </summary>
internal sealed class LitmusLikeTest
{
    private sealed record Event(string Name, int Thread, int Location, bool IsWrite, Term Clock, Term Value);

    public TermFactory F { get; } = new();
    public List<Term> Assertions { get; } = [];
    /// <summary>The value each read returns: the outcome of the test.</summary>
    public List<Term> ReadValues { get; } = [];

    public LitmusLikeTest(int seed, string namePrefix = "")
    {
        var random = new Random(seed);
        int threads = random.Next(2, 5), locations = random.Next(1, 4);
        var events = new List<Event>();
        var initClocks = new Term[locations];
        for (var l = 0; l < locations; l++)
        {
            initClocks[l] = F.IntVar($"{namePrefix}c_init{l}");
            events.Add(new Event($"init{l}", -1, l, true, initClocks[l], F.WordConst(0)));
        }
        for (var t = 0; t < threads; t++)
        {
            Term? lastRead = null;
            Event? previous = null;
            var length = random.Next(2, 5);
            for (var i = 0; i < length; i++)
            {
                var name = $"{namePrefix}t{t}e{i}";
                var location = random.Next(locations);
                var isWrite = random.Next(2) == 0;
                var clock = F.IntVar($"c_{name}");
                Term value = isWrite ? WrittenValue(random, lastRead) : F.WordVar($"v_{name}");
                var e = new Event(name, t, location, isWrite, clock, value);
                events.Add(e);
                if (!isWrite) { lastRead = value; ReadValues.Add(value); }
                Assertions.Add(F.Lt(initClocks[location], clock));
                // TSO-like: a write may be overtaken by a later read of another location; everything else is ordered.
                if (previous is not null && !(previous.IsWrite && !isWrite && previous.Location != location))
                    Assertions.Add(F.Lt(previous.Clock, clock));
                previous = e;
            }
        }
        foreach (var read in events.Where(e => !e.IsWrite)) EncodeReadsFrom(read, events);
    }

    /// <summary>A constant, or a data dependency on the thread's last read.</summary>
    private Term WrittenValue(Random random, Term? lastRead)
    {
        var constant = F.WordConst(random.Next(1, 4));
        if (lastRead is null || random.Next(3) == 0) return constant;
        Op[] ops = [Op.Add, Op.Mul, Op.BitAnd, Op.BitXor, Op.Sub];
        return F.Binary(ops[random.Next(ops.Length)], lastRead, constant);
    }

    /// <summary>The read takes its value from exactly one same-location write, the latest one before it in clock order.</summary>
    private void EncodeReadsFrom(Event read, List<Event> events)
    {
        var writes = events.Where(w => w.IsWrite && w.Location == read.Location).ToList();
        var choices = writes.Select(w => F.BoolVar($"rf_{w.Name}_{read.Name}")).ToList();
        Assertions.Add(F.Or(choices));
        for (var i = 0; i < choices.Count; i++)
        {
            for (var j = i + 1; j < choices.Count; j++) Assertions.Add(F.Not(F.And(choices[i], choices[j])));
            var w = writes[i];
            var facts = new List<Term> { F.Lt(w.Clock, read.Clock), F.Eq(read.Value, w.Value) };
            foreach (var other in writes.Where(o => o != w))
                facts.Add(F.Or(F.Lt(other.Clock, w.Clock), F.Lt(read.Clock, other.Clock)));
            Assertions.Add(F.Implies(choices[i], F.And(facts)));
        }
    }

    /// <summary>
    /// What a checker does with a test: list every reachable outcome (check, read the model, block it) and then
    /// ask a few "is this outcome allowed?" questions under assumptions. Returns the number of outcomes.
    /// Enumeration stops at <see cref="MaxOutcomes"/>: real litmus tests have a few dozen outcomes at most.
    /// </summary>
    public const int MaxOutcomes = 64;

    public int EnumerateOutcomes(ISolver solver, int seed)
    {
        solver.Reset();
        foreach (var a in Assertions) solver.Assert(a);
        var outcomes = 0;
        solver.Push();
        while (outcomes < MaxOutcomes && solver.Check() == SolveResult.Sat)
        {
            outcomes++;
            var model = solver.Model;
            var sameOutcome = ReadValues.Select(v => F.Eq(v, F.WordConst(model.EvalWord(v)))).ToList();
            solver.Assert(F.Not(F.And(sameOutcome)));
        }
        solver.Pop();
        var random = new Random(seed);
        for (var q = 0; q < 3; q++)
            solver.Check(ReadValues.Select(v => F.Eq(v, F.WordConst(random.Next(0, 4)))).ToArray());
        return outcomes;
    }

    /// <summary>The other common use: one plain check of the whole encoding (no scopes, no assumptions), then read the outcome.</summary>
    public int CheckOnce(ISolver solver)
    {
        solver.Reset();
        foreach (var a in Assertions) solver.Assert(a);
        if (solver.Check() != SolveResult.Sat) return 0;
        foreach (var v in ReadValues) solver.Model.EvalWord(v);
        return 1;
    }
}

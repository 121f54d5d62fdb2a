using Litmus.Encoding;
using Litmus.Events;
using Litmus.Logic;

namespace Litmus.Checking;

/// <summary>
/// Decides, without the solver, that no two allowed executions of a test reach the same final state, so that the
/// state listing's one execution per state is already herd's execution count. Proving that with the solver is one
/// unsatisfiable question that must refute every other candidate at once, and on small tests it cost more than
/// listing the states (a 5-thread LB test with 19 states: 0.7 s against 0.2 s; 100 small corpus tests in herd
/// format: 6.5 s of 10.1 s; docs/performance.md).
/// </summary>
/// <remarks>
/// An execution is a choice of rf and co (herd's candidate execution). The argument that two executions with the
/// same state make the same choices, and the conditions it needs:
/// <list type="bullet">
/// <item>Every write's value is a constant, so a read's value depends only on which write it reads from.</item>
/// <item>Every read that may read from more than one write is observed: its register's final value is the read's
/// own value term. Its candidate writes have pairwise different values, so the state names the write it read.</item>
/// <item>Then, thread by thread in program order, the events that exist and the values they read agree: an event's
/// guard reads only earlier reads of its thread, which agree by induction. So rf agrees.</item>
/// <item>co: each location has at most one write besides the initial one that may exist, or exactly two with
/// different values and the location's final value observed, which names the co-last of the two.</item>
/// </list>
/// The check is conservative: anything it does not understand (rf or co redefined by the model, a model that
/// builds co itself or picks with <c>with</c>, membarrier handlers, addresses that are not constants) sends the count to the
/// solver.
/// </remarks>
internal static class OneExecutionPerState
{
    public static bool Holds(TestEncoding enc)
    {
        var exec = enc.Execution;
        var program = enc.Program;
        if (exec.CoFromModel || !SameEdges(enc.Rf, exec.Rf) || !SameEdges(enc.Co, exec.Co)) return false;
        if (enc.ModelPicks) return false; // herd counts each pick
        if (program.Membarriers.Count > 0) return false;
        var events = program.Events;
        if (events.Any(program.IsHandlerEvent)) return false;
        if (events.Any(e => e.IsMemory && (e.Address is not { Op: Op.WordConst } || e.Value is null))) return false;
        if (events.Any(e => e.Kind == EventKind.Write && e.Value is not { Op: Op.WordConst })) return false;

        var observed = enc.Observed.Select(o => o.Value).ToHashSet();
        var sourcesOf = exec.Rf.Edges().Where(x => !x.Condition.IsFalse).ToLookup(x => x.To); // one pass over rf, not one a read
        foreach (var read in events.Where(e => e.Kind == EventKind.Read))
        {
            var sources = sourcesOf[read.Id].ToList();
            if (sources.Count <= 1) continue; // it reads from that write exactly when it exists
            if (!observed.Contains(read.Value!)) return false;
            var values = sources.Select(x => events[x.From].Value!.Number).ToList();
            if (values.Distinct().Count() != values.Count) return false;
        }

        var observedLocations = enc.Observed.Where(o => !o.Name.Contains(':')).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var writesTo = events.Where(e => e.Kind == EventKind.Write && !e.IsInit && !e.Guard.IsFalse).ToLookup(e => e.Address!.Number);
        foreach (var location in program.Locations)
        {
            var writes = writesTo[location.Address].ToList();
            if (writes.Count <= 1) continue;
            if (writes.Count > 2 || !observedLocations.Contains(location.Name) || writes[0].Value!.Number == writes[1].Value!.Number) return false;
        }
        return true;
    }

    /// <summary>Whether the model's rf (or co) is the engine's: the same pairs under the same conditions.</summary>
    private static bool SameEdges(SymRel model, SymRel engine) =>
        model.EdgeCount == engine.EdgeCount && model.Edges().All(x => ReferenceEquals(engine.Get(x.From, x.To), x.Condition));
}

using Litmus.Models.Explicit;

namespace Litmus.Models.Tests;

/// <summary>
/// The bit-set algebra's closure and cycle test, against a breadth-first search, on random relations of sizes on
/// both sides of one 64-bit word per row (the algebra has a faster path for up to 64 events).
/// </summary>
public class BitAlgebraTests
{
    private sealed class Bits(int n) : BitAlgebra(n)
    {
        public override EventSet AllEvents => throw new NotSupportedException();
        public override SetOrRel<EventSet, EventRelation>? Predefined(string name) => null;
        public override EventSet Tagged(string tag) => throw new NotSupportedException();
        protected override long? ValueOf(int e) => null;
        protected override long? AddressOf(int e) => null;
    }

    public static TheoryData<int, int> Sizes() => new() { { 1, 1 }, { 7, 2 }, { 40, 3 }, { 64, 4 }, { 65, 5 }, { 130, 6 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Closure_and_cycles_agree_with_a_search(int n, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            // from empty to dense, and mostly acyclic ones (pairs going up) so that both answers occur
            var density = random.NextDouble() * 3.0 / n;
            var upOnly = round % 2 == 0;
            var r = new EventRelation(n);
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++)
                    if ((!upOnly || a < b || (round % 8 == 0 && a == b + 1 && random.Next(10) == 0)) && random.NextDouble() < density)
                        r.Add(a, b);
            var plus = new Bits(n).Plus(r, exact: true);
            var reach = Reachable(r, n);
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++)
                    Assert.True(plus.Contains(a, b) == reach[a].Contains(b), $"n={n} round={round}: {a}->{b}");
            var cyclic = Enumerable.Range(0, n).Any(a => reach[a].Contains(a));
            Assert.Equal(cyclic, r.HasCycle());
        }
    }

    private static HashSet<int>[] Reachable(EventRelation r, int n)
    {
        var pairs = r.Pairs().ToLookup(p => p.From, p => p.To);
        var reach = new HashSet<int>[n];
        for (var a = 0; a < n; a++)
        {
            reach[a] = [];
            var queue = new Queue<int>(pairs[a]);
            while (queue.Count > 0)
                if (reach[a].Add(queue.Peek())) foreach (var c in pairs[queue.Dequeue()]) queue.Enqueue(c);
                else queue.Dequeue();
        }
        return reach;
    }
}

/// <summary>
/// Values the same in every run of the model over one test are kept from run to run (<see cref="RunInvariantValues"/>):
/// also a fixpoint that starts from the empty value and meets only such values, as lkmm.bell's matching of
/// rcu_read_lock()s does. A first version started it from an empty relation of the run's own, so it was computed
/// again in every run (a fifth of the run on the kernel's seven-thread RCU rings).
/// </summary>
public class RunInvariantFixpointTests
{
    /// <summary>Four events: 0 and 2 are As, 1 and 3 Bs; po is 0->1->2->3; rf is the run's own.</summary>
    private sealed class Run(StaticValues shared, EventRelation rf) : BitAlgebra(4, shared)
    {
        public override EventSet AllEvents => Shared.Named("_", () => Set(0, 1, 2, 3));
        public override SetOrRel<EventSet, EventRelation>? Predefined(string name) => name switch
        {
            "po" => SetOrRel<EventSet, EventRelation>.OfRel(Shared.Named("po", () => Chain())),
            "A" => SetOrRel<EventSet, EventRelation>.OfSet(Shared.Named("A", () => Set(0, 2))),
            "B" => SetOrRel<EventSet, EventRelation>.OfSet(Shared.Named("B", () => Set(1, 3))),
            "rf" => SetOrRel<EventSet, EventRelation>.OfRel(rf),
            _ => null,
        };
        public override EventSet Tagged(string tag) => throw new NotSupportedException();
        protected override long? ValueOf(int e) => null;
        protected override long? AddressOf(int e) => null;

        private static EventSet Set(params int[] members)
        {
            var s = new EventSet(4);
            foreach (var m in members) s.Add(m);
            return s;
        }

        private static EventRelation Chain()
        {
            var r = new EventRelation(4);
            for (var a = 0; a < 3; a++) r.Add(a, a + 1);
            return r;
        }
    }

    [Fact]
    public void A_fixpoint_over_values_the_same_in_every_run_is_computed_once()
    {
        // Each A pairs with the next B; once both As are paired, [free-A] is empty and free-A ; po is too.
        const string cat = """
            let free-a(m) = A \ domain(m)
            let rec m = m | (([free-a(m)] ; po ; [B]) \ (po ; [A] ; po))
            let hb = m | rf
            acyclic hb as hb
            """;
        var plan = Plan.CatPlan.Compile(new CatInterpreterTests.MemoryResolver(new()), new HashSet<string>(),
            Syntax.CatParser.Parse(cat, "test.cat"));
        var (shared, kept) = (new StaticValues(), new RunInvariantValues());
        CatRuntimeValue M(EventRelation rf)
        {
            var interpreter = new CatInterpreter<EventSet, EventRelation>(new Run(shared, rf), new CatInterpreterTests.MemoryResolver(new()), null, kept);
            interpreter.Run(plan);
            return interpreter.Lookup("m")!;
        }
        var first = M(new EventRelation(4));
        var second = M(new EventRelation(4));
        Assert.Equal("{0->1,2->3}", ((RelValue<EventRelation>)first).Rel.ToString());
        Assert.Same(first, second);
    }
}

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

namespace Litmus.Encoding;

/// <summary>Tarjan's algorithm, iterative (graphs here can be long chains).</summary>
public static class StronglyConnected
{
    /// <summary>The component number of each node; two nodes share a number exactly when each reaches the other.</summary>
    public static int[] Components(int n, Func<int, IEnumerable<int>> successors)
    {
        var index = new int[n];
        var low = new int[n];
        var comp = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var next = 0;
        var comps = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            var work = new Stack<(int Node, IEnumerator<int> Succ)>();
            Enter(root);
            while (work.Count > 0)
            {
                var (v, succ) = work.Peek();
                if (succ.MoveNext())
                {
                    var w = succ.Current;
                    if (index[w] < 0) Enter(w);
                    else if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[v]);
                if (low[v] != index[v]) continue;
                int x;
                do { x = stack.Pop(); onStack[x] = false; comp[x] = comps; } while (x != v);
                comps++;
            }

            void Enter(int v)
            {
                index[v] = low[v] = next++;
                stack.Push(v);
                onStack[v] = true;
                work.Push((v, successors(v).ToList().GetEnumerator()));
            }
        }
        return comp;
    }
}

namespace KollegialtUtbyte.Feedback.Domain.Assignment;

/// <summary>
/// Minimum-cost flow by successive shortest paths: Dijkstra on reduced costs with node
/// potentials (Johnson), so every augmentation follows a cheapest path and the final flow is a
/// cheapest one of its value. Besides ordinary arcs it has convex arcs whose n-th unit costs
/// <c>marginal[n]</c> (non-decreasing): the residual graph offers only the next unit forward and
/// the last unit back, which is equivalent to parallel unit arcs of increasing cost without
/// materialising them. All costs must be non-negative.
/// </summary>
public sealed class MinCostFlow
{
    private const long Unreachable = long.MaxValue / 4;

    private readonly int _nodeCount;
    private readonly List<Arc> _arcs = [];
    private readonly List<int>[] _outgoing;
    private readonly List<ConvexState> _convex = [];

    public MinCostFlow(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeCount);
        _nodeCount = nodeCount;
        _outgoing = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            _outgoing[i] = [];
        }
    }

    /// <summary>An arc carrying up to <paramref name="capacity"/> units at <paramref name="costPerUnit"/> each. Returns its id.</summary>
    public int AddArc(int from, int to, long capacity, long costPerUnit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(costPerUnit);
        return AddPair(from, to, capacity, costPerUnit, convex: -1);
    }

    /// <summary>
    /// An arc whose unit <c>n</c> (from 0) costs <c>marginalCosts[n]</c>; the costs must not
    /// decrease, which makes the arc's total cost convex in its flow. Returns its id.
    /// </summary>
    public int AddConvexArc(int from, int to, IReadOnlyList<long> marginalCosts)
    {
        for (var i = 0; i < marginalCosts.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(marginalCosts[i]);
            if (i > 0 && marginalCosts[i] < marginalCosts[i - 1])
            {
                throw new ArgumentException("Marginal costs of a convex arc must not decrease.", nameof(marginalCosts));
            }
        }

        var convex = _convex.Count;
        var id = AddPair(from, to, marginalCosts.Count, marginalCosts.Count > 0 ? marginalCosts[0] : 0, convex);
        _convex.Add(new ConvexState(id, [.. marginalCosts]));
        return id;
    }

    /// <summary>Units currently flowing on arc <paramref name="arcId"/>.</summary>
    public long FlowOn(int arcId) => _arcs[arcId + 1].Capacity;

    /// <summary>
    /// Sends as much flow as possible, up to <paramref name="limit"/>, from <paramref name="source"/>
    /// to <paramref name="sink"/> at minimum total cost.
    /// </summary>
    public (long Flow, long Cost) Solve(int source, int sink, long limit)
    {
        var potential = new long[_nodeCount];
        var distance = new long[_nodeCount];
        var arrivedBy = new int[_nodeCount];
        var settled = new bool[_nodeCount];
        var queue = new PriorityQueue<int, long>(_nodeCount);
        long flow = 0;
        long cost = 0;

        while (flow < limit)
        {
            Array.Fill(distance, Unreachable);
            Array.Fill(settled, false);
            distance[source] = 0;
            queue.Clear();
            queue.Enqueue(source, 0);

            while (queue.TryDequeue(out var node, out var reached))
            {
                if (settled[node] || reached > distance[node])
                {
                    continue;
                }

                settled[node] = true;
                if (node == sink)
                {
                    break;
                }

                foreach (var arcId in _outgoing[node])
                {
                    var arc = _arcs[arcId];
                    if (arc.Capacity == 0 || settled[arc.To])
                    {
                        continue;
                    }

                    // Non-negative by the potentials' invariant.
                    var reduced = arc.Cost - potential[arc.To] + potential[node];
                    var candidate = distance[node] + reduced;
                    if (candidate < distance[arc.To])
                    {
                        distance[arc.To] = candidate;
                        arrivedBy[arc.To] = arcId;
                        queue.Enqueue(arc.To, candidate);
                    }
                }
            }

            if (!settled[sink])
            {
                break;
            }

            // Keeps every residual arc's reduced cost non-negative for the next search.
            for (var node = 0; node < _nodeCount; node++)
            {
                if (settled[node])
                {
                    potential[node] -= distance[sink] - distance[node];
                }
            }

            var push = limit - flow;
            for (var node = sink; node != source; node = _arcs[arrivedBy[node] ^ 1].To)
            {
                var arc = _arcs[arrivedBy[node]];
                push = Math.Min(push, arc.Convex >= 0 ? 1 : arc.Capacity);
            }

            for (var node = sink; node != source; node = _arcs[arrivedBy[node] ^ 1].To)
            {
                var arcId = arrivedBy[node];
                cost += push * _arcs[arcId].Cost;
                Shift(arcId, push);
            }

            flow += push;
        }

        return (flow, cost);
    }

    private int AddPair(int from, int to, long capacity, long cost, int convex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, _nodeCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, _nodeCount);

        // Arc ids are even; id ^ 1 is the residual arc back.
        var id = _arcs.Count;
        _arcs.Add(new Arc(to, capacity, cost, convex));
        _arcs.Add(new Arc(from, 0, -cost, convex));
        _outgoing[from].Add(id);
        _outgoing[to].Add(id + 1);
        return id;
    }

    private void Shift(int arcId, long units)
    {
        var forward = _arcs[arcId];
        var backward = _arcs[arcId ^ 1];
        _arcs[arcId] = forward with { Capacity = forward.Capacity - units };
        _arcs[arcId ^ 1] = backward with { Capacity = backward.Capacity + units };

        if (forward.Convex < 0)
        {
            return;
        }

        // Offer the next unit forward and the last unit back at their own marginal costs.
        var state = _convex[forward.Convex];
        var flow = _arcs[state.ArcId + 1].Capacity;
        var marginal = state.MarginalCosts;
        _arcs[state.ArcId] = _arcs[state.ArcId] with { Cost = flow < marginal.Length ? marginal[flow] : 0 };
        _arcs[state.ArcId + 1] = _arcs[state.ArcId + 1] with { Cost = flow > 0 ? -marginal[flow - 1] : 0 };
    }

    private readonly record struct Arc(int To, long Capacity, long Cost, int Convex);

    private sealed record ConvexState(int ArcId, long[] MarginalCosts);
}

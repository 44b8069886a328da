using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Item-to-item co-engagement, maintained incrementally: when a user engages with a video, it is paired
/// with the user's recent videos and each pair strengthens an edge. Each anchor keeps at most
/// <c>maxNeighbours</c> targets (the weakest is forgotten first), so memory stays bounded. Plain code:
/// a catalog shard keeps the edges that point at its own videos; the offline evaluator keeps them all.
/// </summary>
public sealed class CoEngagementIndex(int maxNeighbours)
{
    private readonly Dictionary<string, Neighbours> _byAnchor = new(StringComparer.Ordinal);

    /// <summary>Number of anchors with at least one neighbour.</summary>
    public int Anchors => _byAnchor.Count;

    /// <summary>Strengthens the edge anchor -> target by <paramref name="weight"/>.</summary>
    public void Add(string anchor, string target, float weight)
    {
        if (weight <= 0 || !float.IsFinite(weight) || string.Equals(anchor, target, StringComparison.Ordinal))
        {
            return;
        }

        if (!_byAnchor.TryGetValue(anchor, out var neighbours))
        {
            _byAnchor[anchor] = neighbours = new Neighbours();
        }

        neighbours.Add(target, weight, maxNeighbours);
    }

    /// <summary>
    /// Records one engagement with <paramref name="video"/> by a user whose recent videos, most recent
    /// first, are <paramref name="recent"/>: every pair strengthens both directions, nearer pairs more
    /// (weight decay^rank). <paramref name="isLocal"/> limits the edges kept to those whose target this
    /// index holds (a catalog shard keeps the edges that point at its own videos).
    /// </summary>
    public void Record(string video, IReadOnlyList<string> recent, int window, float decay, Func<string, bool>? isLocal = null)
    {
        var videoLocal = isLocal?.Invoke(video) ?? true;
        var weight = 1f;
        var n = Math.Min(window, recent.Count);
        for (var k = 0; k < n; k++)
        {
            var anchor = recent[k];
            if (videoLocal)
            {
                Add(anchor, video, weight);
            }

            if (isLocal?.Invoke(anchor) ?? true)
            {
                Add(video, anchor, weight);
            }

            weight *= decay;
        }
    }

    /// <summary>
    /// True for an engagement that says the user wanted the video: a like, share or comment, or a view
    /// of at least <paramref name="minWatch"/> of its duration. Served-and-scrolled-past is not co-engagement.
    /// </summary>
    public static bool IsPositive(EngagementType type, long watchMs, int durationMs, float minWatch) => type switch
    {
        EngagementType.Like or EngagementType.Share or EngagementType.Comment => true,
        EngagementType.View => durationMs > 0 && watchMs >= minWatch * durationMs,
        _ => false,
    };

    /// <summary>Forgets every edge to or from a video (taken down).</summary>
    public void Remove(string videoId)
    {
        _byAnchor.Remove(videoId);
        foreach (var neighbours in _byAnchor.Values)
        {
            neighbours.Remove(videoId);
        }
    }

    /// <summary>The weight of the edge anchor -> target (0 when absent).</summary>
    public float Weight(string anchor, string target) =>
        _byAnchor.TryGetValue(anchor, out var n) ? n.Weight(target) : 0;

    /// <summary>
    /// Adds, for every target, the sum over anchors of anchor weight × edge weight, normalized by the
    /// square root of the anchor's total so a very popular anchor does not drown the others.
    /// </summary>
    public void Accumulate(IReadOnlyList<string> anchors, ReadOnlySpan<float> anchorWeights, Dictionary<string, float> scores)
    {
        for (var a = 0; a < anchors.Count; a++)
        {
            if (!_byAnchor.TryGetValue(anchors[a], out var neighbours) || neighbours.Total <= 0)
            {
                continue;
            }

            var scale = anchorWeights[a] / MathF.Sqrt(neighbours.Total);
            foreach (var (target, weight) in neighbours.Items)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scores, target, out _);
                slot += scale * weight;
            }
        }
    }

    /// <summary>The edges from one anchor, for snapshots of part of the index: (target, weight).</summary>
    public IEnumerable<KeyValuePair<string, float>> NeighboursOf(string anchor) =>
        _byAnchor.TryGetValue(anchor, out var neighbours) ? neighbours.Items : [];

    /// <summary>Every edge, for snapshots: (anchor, target, weight).</summary>
    public IEnumerable<(string Anchor, string Target, float Weight)> Edges()
    {
        foreach (var (anchor, neighbours) in _byAnchor)
        {
            foreach (var (target, weight) in neighbours.Items)
            {
                yield return (anchor, target, weight);
            }
        }
    }

    /// <summary>The recency weights of <paramref name="count"/> anchors, most recent first: decay^rank.</summary>
    public static float[] RecencyWeights(int count, float decay)
    {
        var weights = new float[count];
        var w = 1f;
        for (var i = 0; i < count; i++)
        {
            weights[i] = w;
            w *= decay;
        }

        return weights;
    }

    private sealed class Neighbours
    {
        private readonly Dictionary<string, float> _weights = new(StringComparer.Ordinal);

        public float Total { get; private set; }

        public Dictionary<string, float> Items => _weights;

        public float Weight(string target) => _weights.GetValueOrDefault(target);

        public void Add(string target, float weight, int capacity)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_weights, target, out var existed);
            slot += weight;
            Total += weight;
            if (!existed && _weights.Count > capacity)
            {
                EvictWeakest(target);
            }
        }

        public void Remove(string target)
        {
            if (_weights.Remove(target, out var weight))
            {
                Total -= weight;
            }
        }

        private void EvictWeakest(string keep)
        {
            string? weakest = null;
            var lowest = float.PositiveInfinity;
            foreach (var (target, weight) in _weights)
            {
                if (weight < lowest && !string.Equals(target, keep, StringComparison.Ordinal))
                {
                    lowest = weight;
                    weakest = target;
                }
            }

            if (weakest is not null)
            {
                Remove(weakest);
            }
        }
    }
}

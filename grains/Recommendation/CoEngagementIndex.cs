using Platform.GrainInterfaces;
using Platform.Grains.Engagement;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Item-to-item co-engagement, maintained incrementally: when a user engages with a video, it is paired
/// with the user's recent videos and each pair strengthens an edge. Memory stays bounded twice over:
/// each anchor keeps at most <c>maxNeighbours</c> targets (the weakest is forgotten first), and the
/// whole index keeps at most about <c>maxEdges</c> edges: past that, the anchors least recently
/// strengthened are forgotten with all their edges (an anchor's edges matter while users still engage
/// with it; a feed asks for the neighbours of the user's recent videos). Ids are stored once per index
/// however many edges name them. With a half-life, edges fade: an engagement recorded one half-life ago
/// counts half as much as one recorded now (see <see cref="Advance"/>). Plain code: a catalog shard keeps
/// the edges that point at its own videos; the offline evaluator keeps them all.
/// </summary>
public sealed class CoEngagementIndex(int maxNeighbours, int maxEdges = int.MaxValue, TimeSpan halfLife = default)
{
    /// <summary>Growth factor at which stored weights are rescaled (2^20: far within float range and precision).</summary>
    private const float RebaseAt = 1 << 20;

    private readonly Dictionary<string, Neighbours> _byAnchor = new(StringComparer.Ordinal);

    // Fading without touching every edge: weights are stored in units of the origin's time, so a new
    // engagement adds scale = 2^((now - origin) / halfLife) and reads divide by it; the stored weights
    // are rescaled once the scale reaches RebaseAt (once per 20 half-lives).
    private DateTimeOffset? _origin;
    private float _scale = 1f;

    /// <summary>One instance of every id the index holds (ids arrive as fresh strings in every message).</summary>
    private HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _idsAfterCompaction;
    private long _clock;

    /// <summary>
    /// Called with each anchor the edge limit made the index forget (with all its edges), so that a snapshot kept
    /// in parts can drop them too.
    /// </summary>
    public Action<string>? AnchorForgotten { get; set; }

    /// <summary>Number of anchors with at least one neighbour.</summary>
    public int Anchors => _byAnchor.Count;

    /// <summary>Number of edges held: at most <c>maxEdges</c> plus an eighth, between evictions.</summary>
    public int EdgeCount { get; private set; }

    /// <summary>Number of distinct id strings held (anchors and targets, plus some forgotten ones until the next compaction).</summary>
    public int IdCount => _ids.Count;

    /// <summary>
    /// Moves the index's clock to <paramref name="now"/>: later <see cref="Add"/>s count as of that time, and
    /// what was added before has faded by the half-life. A clock that goes back is ignored; without a
    /// half-life nothing fades.
    /// </summary>
    public void Advance(DateTimeOffset now)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            return;
        }

        if (_origin is not { } origin)
        {
            _origin = now;
            return;
        }

        var scale = (float)Math.Pow(2, (now - origin).TotalSeconds / halfLife.TotalSeconds);
        if (!(scale >= _scale))
        {
            return;
        }

        _scale = scale;
        if (_scale >= RebaseAt)
        {
            foreach (var neighbours in _byAnchor.Values)
            {
                neighbours.Rescale(1 / _scale);
            }

            _origin = now;
            _scale = 1f;
        }
    }

    /// <summary>Strengthens the edge anchor -> target by <paramref name="weight"/>, as of the index's clock.</summary>
    public void Add(string anchor, string target, float weight)
    {
        weight *= _scale;
        if (weight <= 0 || !float.IsFinite(weight) || string.Equals(anchor, target, StringComparison.Ordinal))
        {
            return;
        }

        if (!_byAnchor.TryGetValue(anchor, out var neighbours))
        {
            _byAnchor[Intern(anchor)] = neighbours = new Neighbours();
        }

        neighbours.LastStrengthened = ++_clock;
        EdgeCount += neighbours.Add(target, weight, maxNeighbours, this);
        if (EdgeCount > maxEdges + (long)maxEdges / 8)
        {
            EvictLeastRecentAnchors();
        }
    }

    /// <summary>
    /// Records one engagement with <paramref name="video"/> by a user whose recent videos, most recent
    /// first, are <paramref name="recent"/>: every pair strengthens both directions, nearer pairs more
    /// (weight decay^rank). <paramref name="isLocal"/> limits the edges kept to those whose target this
    /// index holds (a catalog shard keeps the edges that point at its own videos). <paramref name="ranks"/>, when
    /// given, are the recent videos' places in the user's list (ascending; a shard may get only some of them).
    /// </summary>
    public void Record(string video, IReadOnlyList<string> recent, int window, float decay, Func<string, bool>? isLocal = null, IReadOnlyList<int>? ranks = null)
    {
        var videoLocal = isLocal?.Invoke(video) ?? true;
        var (weight, weightRank) = (1f, 0);
        for (var k = 0; k < InWindow(recent.Count, ranks, window); k++)
        {
            var rank = ranks?[k] ?? k;

            // decay^rank by the same multiplications whatever the ranks, so a record split over shards weighs as a whole one.
            for (; weightRank < rank; weightRank++)
            {
                weight *= decay;
            }

            var anchor = recent[k];
            if (videoLocal)
            {
                Add(anchor, video, weight);
            }

            if (isLocal?.Invoke(anchor) ?? true)
            {
                Add(video, anchor, weight);
            }
        }
    }

    /// <summary>
    /// How many of a record's <paramref name="count"/> recent videos (ranked <paramref name="ranks"/>, ascending, or
    /// 0, 1, 2, ... without) fall inside the pairing <paramref name="window"/>: the first that many.
    /// </summary>
    public static int InWindow(int count, IReadOnlyList<int>? ranks, int window)
    {
        if (ranks is null)
        {
            return Math.Clamp(window, 0, count);
        }

        var n = 0;
        while (n < count && ranks[n] < window)
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// True for an engagement that says the user wanted the video: a like, share or comment, or a view
    /// of at least <paramref name="minWatch"/> of its duration. Served-and-scrolled-past is not co-engagement.
    /// </summary>
    public static bool IsPositive(EngagementType type, long watchMs, int durationMs, float minWatch) =>
        EngagementRules.For(type).IsCoEngagement(watchMs, durationMs, minWatch);

    /// <summary>Forgets every edge to or from a video (taken down).</summary>
    public void Remove(string videoId)
    {
        if (_byAnchor.Remove(videoId, out var removed))
        {
            EdgeCount -= removed.Count;
        }

        foreach (var neighbours in _byAnchor.Values)
        {
            if (neighbours.Remove(videoId))
            {
                EdgeCount--;
            }
        }

        CompactIds();
    }

    /// <summary>The weight of the edge anchor -> target as of the index's clock (0 when absent).</summary>
    public float Weight(string anchor, string target) =>
        _byAnchor.TryGetValue(anchor, out var n) ? n.Weight(target) / _scale : 0;

    /// <summary>
    /// Adds, for every target, the sum over anchors of anchor weight × edge weight, normalized by the
    /// square root of the anchor's total so a very popular anchor does not drown the others (weights as of
    /// the index's clock).
    /// </summary>
    public void Accumulate(IReadOnlyList<string> anchors, ReadOnlySpan<float> anchorWeights, Dictionary<string, float> scores)
    {
        for (var a = 0; a < anchors.Count; a++)
        {
            if (!_byAnchor.TryGetValue(anchors[a], out var neighbours) || neighbours.Total <= 0)
            {
                continue;
            }

            var scale = anchorWeights[a] / MathF.Sqrt(neighbours.Total * _scale);
            foreach (var (target, weight) in neighbours.Items)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scores, target, out _);
                slot += scale * weight;
            }
        }
    }

    /// <summary>
    /// The edges from one anchor, for snapshots of part of the index: (target, weight as of the index's
    /// clock, which is what <see cref="Add"/> takes back on restore).
    /// </summary>
    public IEnumerable<KeyValuePair<string, float>> NeighboursOf(string anchor)
    {
        if (!_byAnchor.TryGetValue(anchor, out var neighbours))
        {
            yield break;
        }

        foreach (var (target, weight) in neighbours.Items)
        {
            yield return new KeyValuePair<string, float>(target, weight / _scale);
        }
    }

    /// <summary>Every edge, for snapshots: (anchor, target, weight as of the index's clock).</summary>
    public IEnumerable<(string Anchor, string Target, float Weight)> Edges()
    {
        foreach (var (anchor, neighbours) in _byAnchor)
        {
            foreach (var (target, weight) in neighbours.Items)
            {
                yield return (anchor, target, weight / _scale);
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> targets with the largest incoming weight (as of the index's clock), largest
    /// first, ties by id: the videos an item-item model covers. One pass over the edges.
    /// </summary>
    public ItemActivity[] MostEngagedTargets(int count)
    {
        var totals = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var neighbours in _byAnchor.Values)
        {
            foreach (var (target, weight) in neighbours.Items)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, target, out _) += weight;
            }
        }

        var ordered = new List<KeyValuePair<string, float>>(totals);
        ordered.Sort(static (a, b) => b.Value.CompareTo(a.Value) is var c and not 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        var n = Math.Min(count, ordered.Count);
        var result = new ItemActivity[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = new ItemActivity(ordered[i].Key, ordered[i].Value / _scale);
        }

        return result;
    }

    /// <summary>The edges whose anchor and target are both in <paramref name="items"/>, by position in it (weights as of the index's clock).</summary>
    public ItemEdgeList EdgesAmong(IReadOnlyList<string> items)
    {
        var position = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            position.TryAdd(items[i], i);
        }

        List<int> anchors = [], targets = [];
        List<float> weights = [];
        for (var a = 0; a < items.Count; a++)
        {
            if (!_byAnchor.TryGetValue(items[a], out var neighbours))
            {
                continue;
            }

            foreach (var (target, weight) in neighbours.Items)
            {
                if (position.TryGetValue(target, out var t))
                {
                    anchors.Add(a);
                    targets.Add(t);
                    weights.Add(weight / _scale);
                }
            }
        }

        return new ItemEdgeList([.. anchors], [.. targets], [.. weights]);
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

    /// <summary>
    /// Forgets the anchors least recently strengthened, with their edges, until at most <c>maxEdges</c>
    /// remain. Runs once per an eighth of <c>maxEdges</c> added, so its sort is amortized.
    /// </summary>
    private void EvictLeastRecentAnchors()
    {
        var byAge = new List<(long Strengthened, string Anchor)>(_byAnchor.Count);
        foreach (var (anchor, neighbours) in _byAnchor)
        {
            byAge.Add((neighbours.LastStrengthened, anchor));
        }

        byAge.Sort(static (a, b) => a.Strengthened.CompareTo(b.Strengthened));
        for (var i = 0; i < byAge.Count && EdgeCount > maxEdges; i++)
        {
            _byAnchor.Remove(byAge[i].Anchor, out var evicted);
            EdgeCount -= evicted!.Count;
            AnchorForgotten?.Invoke(byAge[i].Anchor);
        }

        CompactIds();
    }

    /// <summary>The stored instance of <paramref name="id"/>, adding it when new.</summary>
    private string Intern(string id)
    {
        if (_ids.TryGetValue(id, out var existing))
        {
            return existing;
        }

        _ids.Add(id);
        return id;
    }

    /// <summary>Drops forgotten ids from the pool once it has doubled since the last compaction.</summary>
    private void CompactIds()
    {
        if (_ids.Count < Math.Max(1024, 2 * _idsAfterCompaction))
        {
            return;
        }

        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (anchor, neighbours) in _byAnchor)
        {
            live.Add(anchor);
            foreach (var target in neighbours.Items.Keys)
            {
                live.Add(target);
            }
        }

        _ids = live;
        _idsAfterCompaction = live.Count;
    }

    private sealed class Neighbours
    {
        private readonly Dictionary<string, float> _weights = new(StringComparer.Ordinal);

        public float Total { get; private set; }

        /// <summary>The index's clock when an edge of this anchor was last strengthened.</summary>
        public long LastStrengthened { get; set; }

        public int Count => _weights.Count;

        public Dictionary<string, float> Items => _weights;

        public float Weight(string target) => _weights.GetValueOrDefault(target);

        /// <summary>Strengthens an edge; returns the change in the number of edges (1 for a new edge, else 0).</summary>
        public int Add(string target, float weight, int capacity, CoEngagementIndex index)
        {
            if (_weights.TryGetValue(target, out var current))
            {
                _weights[target] = current + weight;
                Total += weight;
                return 0;
            }

            _weights.Add(index.Intern(target), weight);
            Total += weight;
            return _weights.Count > capacity && EvictWeakest(target) ? 0 : 1;
        }

        /// <summary>Multiplies every weight (and the total) by <paramref name="factor"/>.</summary>
        public void Rescale(float factor)
        {
            foreach (var target in _weights.Keys)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_weights, target) *= factor;
            }

            Total *= factor;
        }

        public bool Remove(string target)
        {
            if (_weights.Remove(target, out var weight))
            {
                Total -= weight;
                return true;
            }

            return false;
        }

        private bool EvictWeakest(string keep)
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

            return weakest is not null && Remove(weakest);
        }
    }
}

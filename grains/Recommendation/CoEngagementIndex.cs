using System.Numerics.Tensors;
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
/// however many edges name them, and edges hold them as ints (<see cref="CountedIds"/>): no string is
/// hashed per edge update, and the garbage collector has no reference to trace inside an anchor's edges.
/// With a half-life, edges fade: an engagement recorded one half-life ago counts half as much as one
/// recorded now (see <see cref="Advance"/>). Plain code: a catalog shard keeps the edges that point at its
/// own videos; the offline evaluator keeps them all.
/// </summary>
public sealed class CoEngagementIndex(int maxNeighbours, int maxEdges = int.MaxValue, TimeSpan halfLife = default)
{
    /// <summary>Growth factor at which stored weights are rescaled (2^20: far within float range and precision).</summary>
    private const float RebaseAt = 1 << 20;

    /// <summary>Every id an edge names (anchor or target), each held once however many edges name it.</summary>
    private readonly CountedIds _ids = new();

    /// <summary>The anchors' edges, by the anchor's id (null for an id that is only a target).</summary>
    private Neighbours?[] _byAnchor = new Neighbours?[64];

    // Fading without touching every edge: weights are stored in units of the origin's time, so a new
    // engagement adds scale = 2^((now - origin) / halfLife) and reads divide by it; the stored weights
    // are rescaled once the scale reaches RebaseAt (once per 20 half-lives).
    private DateTimeOffset? _origin;
    private float _scale = 1f;
    private long _clock;

    // Scratch for the eviction's sort by age, kept between evictions (it runs once per maxEdges / 8 additions).
    private long[] _evictionAges = [];
    private int[] _evictionAnchors = [];

    /// <summary>
    /// Called with each anchor the edge limit made the index forget (with all its edges), so that a snapshot kept
    /// in parts can drop them too.
    /// </summary>
    public Action<string>? AnchorForgotten { get; set; }

    /// <summary>Number of anchors with at least one neighbour.</summary>
    public int Anchors { get; private set; }

    /// <summary>Number of edges held: at most <c>maxEdges</c> plus an eighth, between evictions.</summary>
    public int EdgeCount { get; private set; }

    /// <summary>Number of distinct ids held (anchors and targets).</summary>
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
            foreach (var neighbours in _byAnchor)
            {
                neighbours?.Rescale(1 / _scale);
            }

            _origin = now;
            _scale = 1f;
        }
    }

    /// <summary>Strengthens the edge anchor -> target by <paramref name="weight"/>, as of the index's clock.</summary>
    public void Add(string anchor, string target, float weight)
    {
        var a = _ids.Acquire(anchor);
        var t = _ids.Acquire(target);
        Add(a, t, weight);
        _ids.Release(t);
        _ids.Release(a);
    }

    /// <summary>
    /// Records one engagement with <paramref name="video"/> by a user whose recent videos, most recent
    /// first, are <paramref name="recent"/>: every pair strengthens both directions, nearer pairs more
    /// (weight decay^rank). <paramref name="isLocal"/> limits the edges kept to those whose target this
    /// index holds (a catalog shard keeps the edges that point at its own videos). <paramref name="ranks"/>, when
    /// given, are the recent videos' places in the user's list (ascending; a shard may get only some of them).
    /// <paramref name="changed"/> hears each anchor whose edges were strengthened, once per pair.
    /// </summary>
    public void Record(string video, IReadOnlyList<string> recent, int window, float decay, Func<string, bool>? isLocal = null, IReadOnlyList<int>? ranks = null, Action<string>? changed = null)
    {
        var count = InWindow(recent.Count, ranks, window);
        if (count == 0)
        {
            return;
        }

        var videoLocal = isLocal?.Invoke(video) ?? true;
        var v = _ids.Acquire(video);
        var (weight, weightRank) = (1f, 0);
        for (var k = 0; k < count; k++)
        {
            var rank = ranks?[k] ?? k;

            // decay^rank by the same multiplications whatever the ranks, so a record split over shards weighs as a whole one.
            for (; weightRank < rank; weightRank++)
            {
                weight *= decay;
            }

            var anchorLocal = isLocal?.Invoke(recent[k]) ?? true;
            if (!videoLocal && !anchorLocal)
            {
                continue;
            }

            var a = _ids.Acquire(recent[k]);
            if (videoLocal)
            {
                Add(a, v, weight);
                changed?.Invoke(recent[k]);
            }

            if (anchorLocal)
            {
                Add(v, a, weight);
                changed?.Invoke(video);
            }

            _ids.Release(a);
        }

        _ids.Release(v);
    }

    /// <summary>
    /// How many of a record's <paramref name="count"/> recent videos (ranked <paramref name="ranks"/>, ascending, or
    /// 0, 1, 2, ... without) fall inside the pairing <paramref name="window"/>: the first that many.
    /// </summary>
    private static int InWindow(int count, IReadOnlyList<int>? ranks, int window)
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
        if (!_ids.TryGet(videoId, out var id))
        {
            return;
        }

        _ids.AddReference(id);
        ForgetAnchor(id);
        for (var a = 0; a < _byAnchor.Length; a++)
        {
            if (_byAnchor[a] is { } neighbours && neighbours.Remove(id))
            {
                EdgeCount--;
                _ids.Release(id);
                if (neighbours.Count == 0)
                {
                    ForgetAnchor(a);
                }
            }
        }

        _ids.Release(id);
    }

    /// <summary>The weight of the edge anchor -> target as of the index's clock (0 when absent).</summary>
    public float Weight(string anchor, string target) =>
        Find(anchor) is { } n && _ids.TryGet(target, out var t) ? n.Weight(t) / _scale : 0;

    /// <summary>
    /// Adds, for every target, the sum over anchors of anchor weight × edge weight, normalized by the
    /// square root of the anchor's total so a very popular anchor does not drown the others (weights as of
    /// the index's clock).
    /// </summary>
    public void Accumulate(IReadOnlyList<string> anchors, ReadOnlySpan<float> anchorWeights, Dictionary<string, float> scores)
    {
        for (var a = 0; a < anchors.Count; a++)
        {
            if (Find(anchors[a]) is not { Total: > 0 } neighbours)
            {
                continue;
            }

            var scale = anchorWeights[a] / MathF.Sqrt(neighbours.Total * _scale);
            var targets = neighbours.Targets;
            var weights = neighbours.Weights;
            for (var i = 0; i < targets.Length; i++)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scores, _ids.Name(targets[i]), out _);
                slot += scale * weights[i];
            }
        }
    }

    /// <summary>
    /// The edges from one anchor, for snapshots of part of the index: (target, weight as of the index's
    /// clock, which is what <see cref="Add"/> takes back on restore).
    /// </summary>
    public IEnumerable<KeyValuePair<string, float>> NeighboursOf(string anchor)
    {
        if (Find(anchor) is not { } neighbours)
        {
            return [];
        }

        var result = new KeyValuePair<string, float>[neighbours.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new(_ids.Name(neighbours.Targets[i]), neighbours.Weights[i] / _scale);
        }

        return result;
    }

    /// <summary>Every edge, for snapshots: (anchor, target, weight as of the index's clock).</summary>
    public IEnumerable<(string Anchor, string Target, float Weight)> Edges()
    {
        for (var a = 0; a < _byAnchor.Length; a++)
        {
            if (_byAnchor[a] is not { } neighbours)
            {
                continue;
            }

            for (var i = 0; i < neighbours.Count; i++)
            {
                yield return (_ids.Name(a), _ids.Name(neighbours.Targets[i]), neighbours.Weights[i] / _scale);
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> targets with the largest incoming weight (as of the index's clock), largest
    /// first, ties by id: the videos an item-item model covers. One pass over the edges.
    /// </summary>
    public ItemActivity[] MostEngagedTargets(int count)
    {
        var totals = new float[_ids.Bound];
        foreach (var neighbours in _byAnchor)
        {
            for (var i = 0; i < (neighbours?.Count ?? 0); i++)
            {
                totals[neighbours!.Targets[i]] += neighbours.Weights[i];
            }
        }

        var ordered = new List<KeyValuePair<string, float>>();
        for (var t = 0; t < totals.Length; t++)
        {
            if (totals[t] > 0)
            {
                ordered.Add(new(_ids.Name(t), totals[t]));
            }
        }

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
        var position = new Dictionary<int, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (_ids.TryGet(items[i], out var id))
            {
                position.TryAdd(id, i);
            }
        }

        List<int> anchors = [], targets = [];
        List<float> weights = [];
        for (var a = 0; a < items.Count; a++)
        {
            if (Find(items[a]) is not { } neighbours)
            {
                continue;
            }

            for (var i = 0; i < neighbours.Count; i++)
            {
                if (position.TryGetValue(neighbours.Targets[i], out var t))
                {
                    anchors.Add(a);
                    targets.Add(t);
                    weights.Add(neighbours.Weights[i] / _scale);
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

    /// <summary>The edges of <paramref name="anchor"/>, or null when it has none.</summary>
    private Neighbours? Find(string anchor) =>
        _ids.TryGet(anchor, out var id) && id < _byAnchor.Length ? _byAnchor[id] : null;

    /// <summary>Strengthens the edge a -> t (ids the caller holds) by an unscaled weight.</summary>
    private void Add(int a, int t, float weight)
    {
        weight *= _scale;
        if (weight <= 0 || !float.IsFinite(weight) || a == t)
        {
            return;
        }

        if (a >= _byAnchor.Length)
        {
            Array.Resize(ref _byAnchor, Math.Max(_byAnchor.Length * 2, a + 1));
        }

        if (_byAnchor[a] is not { } neighbours)
        {
            _byAnchor[a] = neighbours = new Neighbours();
            _ids.AddReference(a);
            Anchors++;
        }

        neighbours.LastStrengthened = ++_clock;
        switch (neighbours.Add(t, weight, maxNeighbours, out var evicted))
        {
            case EdgeChange.Added:
                _ids.AddReference(t);
                EdgeCount++;
                break;
            case EdgeChange.Replaced:
                _ids.AddReference(t);
                _ids.Release(evicted);
                break;
        }

        if (EdgeCount > maxEdges + (long)maxEdges / 8)
        {
            EvictLeastRecentAnchors();
        }
    }

    /// <summary>Drops an anchor with all its edges (the id stays while the caller holds it).</summary>
    private void ForgetAnchor(int a)
    {
        if (a >= _byAnchor.Length || _byAnchor[a] is not { } neighbours)
        {
            return;
        }

        _byAnchor[a] = null;
        Anchors--;
        EdgeCount -= neighbours.Count;
        foreach (var t in neighbours.Targets)
        {
            _ids.Release(t);
        }

        _ids.Release(a);
    }

    /// <summary>
    /// Forgets the anchors least recently strengthened, with their edges, until at most <c>maxEdges</c>
    /// remain. Runs once per an eighth of <c>maxEdges</c> added, so its sort is amortized.
    /// </summary>
    private void EvictLeastRecentAnchors()
    {
        if (_evictionAges.Length < Anchors)
        {
            _evictionAges = new long[_byAnchor.Length];
            _evictionAnchors = new int[_byAnchor.Length];
        }

        var n = 0;
        for (var a = 0; a < _byAnchor.Length; a++)
        {
            if (_byAnchor[a] is { } neighbours)
            {
                _evictionAges[n] = neighbours.LastStrengthened;
                _evictionAnchors[n++] = a;
            }
        }

        // Clock values are distinct, so the order is total.
        Array.Sort(_evictionAges, _evictionAnchors, 0, n);
        for (var i = 0; i < n && EdgeCount > maxEdges; i++)
        {
            var anchor = _ids.Name(_evictionAnchors[i]);
            ForgetAnchor(_evictionAnchors[i]);
            AnchorForgotten?.Invoke(anchor);
        }
    }

    /// <summary>What strengthening an edge did to the anchor's edges.</summary>
    private enum EdgeChange
    {
        Unchanged,
        Added,
        Replaced,
    }

    /// <summary>One anchor's edges: target ids and weights in two parallel arrays (no references inside).</summary>
    private sealed class Neighbours
    {
        private int[] _targets = new int[4];
        private float[] _weights = new float[4];

        public float Total { get; private set; }

        /// <summary>The index's clock when an edge of this anchor was last strengthened.</summary>
        public long LastStrengthened { get; set; }

        public int Count { get; private set; }

        public ReadOnlySpan<int> Targets => _targets.AsSpan(0, Count);

        public ReadOnlySpan<float> Weights => _weights.AsSpan(0, Count);

        public float Weight(int target) => Targets.IndexOf(target) is var i and >= 0 ? _weights[i] : 0;

        /// <summary>
        /// Strengthens an edge: <see cref="EdgeChange.Unchanged"/> for an existing edge, <see cref="EdgeChange.Added"/>
        /// for a new one, <see cref="EdgeChange.Replaced"/> for a new one that pushed out the weakest other target
        /// (<paramref name="evicted"/>).
        /// </summary>
        public EdgeChange Add(int target, float weight, int capacity, out int evicted)
        {
            evicted = -1;
            Total += weight;
            if (Targets.IndexOf(target) is var i and >= 0)
            {
                _weights[i] += weight;
                return EdgeChange.Unchanged;
            }

            if (Count == _targets.Length)
            {
                var size = Math.Min(Count * 2, capacity + 1);
                Array.Resize(ref _targets, size);
                Array.Resize(ref _weights, size);
            }

            _targets[Count] = target;
            _weights[Count] = weight;
            Count++;
            if (Count <= capacity)
            {
                return EdgeChange.Added;
            }

            // The weakest of the others: the new edge is the last one.
            var weakest = TensorPrimitives.IndexOfMin(_weights.AsSpan(0, Count - 1));
            evicted = _targets[weakest];
            RemoveAt(weakest);
            return EdgeChange.Replaced;
        }

        /// <summary>Multiplies every weight (and the total) by <paramref name="factor"/>.</summary>
        public void Rescale(float factor)
        {
            var weights = _weights.AsSpan(0, Count);
            TensorPrimitives.Multiply(weights, factor, weights);
            Total *= factor;
        }

        public bool Remove(int target)
        {
            if (Targets.IndexOf(target) is not (var i and >= 0))
            {
                return false;
            }

            RemoveAt(i);
            return true;
        }

        /// <summary>Removes one edge; the last takes its place.</summary>
        private void RemoveAt(int i)
        {
            Total -= _weights[i];
            Count--;
            _targets[i] = _targets[Count];
            _weights[i] = _weights[Count];
        }
    }
}

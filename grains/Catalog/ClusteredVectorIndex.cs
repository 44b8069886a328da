using System.Buffers;
using System.Numerics.Tensors;

namespace Platform.Grains.Catalog;

/// <summary>
/// An inverted-file (IVF) index for maximum inner-product retrieval whose query cost stays nearly flat
/// as the catalog grows. Items are grouped by centroid (spherical k-means on direction) into clusters of
/// a constant target size (<c>minScanned / probedClusters</c>, at least 32), so the number of clusters
/// grows with the catalog but a query scans a bounded number of vectors: the best <c>probedClusters</c>
/// clusters, more only until <c>minScanned</c> vectors were read. Assignment is capacity-constrained
/// (a cluster holds at most twice the target; an item whose nearest cluster is full goes to its nearest
/// one with room), so embeddings that crowd one direction spread over its neighbouring clusters instead
/// of growing one list without bound. Each cluster stores its vectors contiguously, dimension-major (<see cref="VectorList{T}"/>), and so do the
/// centroids: scoring a list or all centroids is a few vectorized passes, not one short dot product per vector.
/// Items whose vectors change are reassigned on update; centroids are retrained whenever the catalog has
/// doubled since the last training. Until trained, a query scans everything (exact).
/// Items whose vector length differs from the first item's are counted but never returned.
/// </summary>
/// <remarks>With <c>keyOf</c> (an item's id hash) the lists keep the keys, and a search may skip items by an
/// exclusion filter over those keys without visiting the items.</remarks>
public sealed class ClusteredVectorIndex<T>(Func<T, float[]> vectorOf, int probedClusters, int minScanned, Func<T, ulong>? keyOf = null) where T : class
{
    private const int TrainingSample = 20_000;
    private const int Iterations = 6;
    private const int MaxClusters = 1 << 16;

    /// <summary>Clusters probed at most, whatever the budget (bounds the work of one query).</summary>
    private const int MaxProbes = 64;

    private readonly Dictionary<T, (int Cluster, int Slot)> _location = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<T> _misfits = new(ReferenceEqualityComparer.Instance);
    private readonly List<VectorList<T>> _lists = [];
    private readonly int _targetSize = Math.Max(32, minScanned / Math.Max(1, probedClusters));
    private float[] _centroids = [];
    private TopK<T>? _top;

    /// <summary>The centroids again, dimension-major, to score all of them against one vector in a few vectorized passes.</summary>
    private float[] _centroidsByDimension = [];
    private int _clusters;
    private int _dimensions;
    private int _capacity = int.MaxValue;
    private int _trainedAt;

    public int Count => _location.Count + _misfits.Count;

    public int Clusters => _clusters;

    public bool IsTrained => _clusters > 0;

    /// <summary>Size of the largest cluster (balance diagnostics).</summary>
    public int LargestCluster
    {
        get
        {
            var largest = 0;
            foreach (var list in _lists)
            {
                largest = Math.Max(largest, list.Count);
            }

            return largest;
        }
    }

    /// <summary>Adds an item, or stores its new vector (and reassigns it) after its vector changed.</summary>
    public void Upsert(T item)
    {
        var vector = vectorOf(item);
        if (_dimensions == 0 && vector.Length > 0)
        {
            _dimensions = vector.Length;
        }

        if (vector.Length != _dimensions || _dimensions == 0)
        {
            Remove(item);
            _misfits.Add(item);
            return;
        }

        _misfits.Remove(item);
        if (_lists.Count == 0)
        {
            _lists.Add(new VectorList<T>(_dimensions, keyOf));
        }

        var known = _location.TryGetValue(item, out var at);
        var target = IsTrained ? NearestWithRoom(vector, known ? at.Cluster : -1) : 0;
        if (known)
        {
            if (target == at.Cluster)
            {
                _lists[at.Cluster].Set(at.Slot, vector);
                return;
            }

            RemoveAt(at);
        }

        _location[item] = (target, _lists[target].Add(item, vector));
    }

    public void Remove(T item)
    {
        if (_location.Remove(item, out var at))
        {
            RemoveAt(at);
        }
        else
        {
            _misfits.Remove(item);
        }
    }

    /// <summary>True when the catalog has grown enough since the last training to retrain.</summary>
    public bool NeedsTraining(int threshold) => Count >= threshold && Count >= 2 * Math.Max(_trainedAt, threshold / 2);

    /// <summary>
    /// Learns about n / target-size centroids by spherical k-means on a sample, then reassigns every
    /// item under the capacity constraint, in random order so no region is favoured.
    /// </summary>
    public void Train(Random random)
    {
        var items = _location.Keys.ToArray();
        var d = _dimensions;
        if (items.Length == 0 || d == 0)
        {
            return;
        }

        var k = Math.Clamp(items.Length / _targetSize, 1, MaxClusters);
        random.Shuffle(items);
        var sample = items.AsSpan(0, Math.Min(items.Length, TrainingSample));
        var centroids = new float[k * d];
        for (var c = 0; c < k; c++)
        {
            Normalize(vectorOf(sample[random.Next(sample.Length)]), centroids.AsSpan(c * d, d));
        }

        var sums = new float[k * d];
        var counts = new int[k];
        var unit = new float[d];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            foreach (var item in sample)
            {
                Normalize(vectorOf(item), unit);
                var c = Nearest(centroids, k, d, unit);
                TensorPrimitives.Add(sums.AsSpan(c * d, d), unit, sums.AsSpan(c * d, d));
                counts[c]++;
            }

            for (var c = 0; c < k; c++)
            {
                var row = centroids.AsSpan(c * d, d);
                if (counts[c] > 0)
                {
                    Normalize(sums.AsSpan(c * d, d), row);
                }
                else
                {
                    Normalize(vectorOf(sample[random.Next(sample.Length)]), row);
                }
            }
        }

        _centroids = centroids;
        _centroidsByDimension = new float[k * d];
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < d; j++)
            {
                _centroidsByDimension[j * k + c] = centroids[c * d + j];
            }
        }

        _clusters = k;
        _capacity = 2 * Math.Max(_targetSize, (items.Length + k - 1) / k);
        _lists.Clear();
        for (var c = 0; c < k; c++)
        {
            _lists.Add(new VectorList<T>(d, keyOf));
        }

        foreach (var item in items)
        {
            var vector = vectorOf(item);
            var target = NearestWithRoom(vector);
            _location[item] = (target, _lists[target].Add(item, vector));
        }

        _trainedAt = items.Length;
    }

    /// <summary>The best <paramref name="limit"/> eligible items by inner product with <paramref name="probe"/>.</summary>
    public List<(T Item, double Score)> Search(ReadOnlySpan<float> probe, int limit, Func<T, bool> eligible)
    {
        var found = new List<(T Item, double Score)>(limit);
        Search(probe, limit, eligible, found);
        return found;
    }

    /// <summary>
    /// Appends the best <paramref name="limit"/> eligible items, best first, to <paramref name="into"/>.
    /// Reuses the index's heap: not for concurrent callers (a catalog shard queries one at a time).
    /// </summary>
    public void Search(ReadOnlySpan<float> probe, int limit, Func<T, bool> eligible, List<(T Item, double Score)> into) =>
        Search(probe, limit, eligible, [], into);

    /// <summary>
    /// Appends the best <paramref name="limit"/> items, best first, to <paramref name="into"/>, leaving out
    /// items whose key <paramref name="exclusion"/> may contain (see <see cref="Recommendation.ExclusionFilter"/>;
    /// needs <c>keyOf</c>) and, when given, those <paramref name="eligible"/> refuses. Not for concurrent callers.
    /// </summary>
    public void Search(ReadOnlySpan<float> probe, int limit, Func<T, bool>? eligible, ReadOnlySpan<ulong> exclusion, List<(T Item, double Score)> into)
    {
        var top = _top ??= new TopK<T>(limit);
        top.Reset(limit);
        if (probe.Length != _dimensions || _lists.Count == 0)
        {
            return;
        }

        if (!IsTrained)
        {
            foreach (var list in _lists)
            {
                list.Scan(probe, eligible, exclusion, top);
            }

            top.DrainInto(into);
            return;
        }

        // The best few centroids by inner product, kept sorted in small stack buffers (one pass, no sort).
        var budget = Math.Max(minScanned, limit * 4);
        var probes = Math.Min(_clusters, Math.Clamp(Math.Max(probedClusters, 2 * budget / _targetSize), 1, MaxProbes));
        Span<int> best = stackalloc int[probes];
        Span<float> bestScores = stackalloc float[probes];
        var kept = 0;
        var buffer = ArrayPool<float>.Shared.Rent(_clusters);
        var centroidScores = buffer.AsSpan(0, _clusters);
        VectorList<T>.Scores(_centroidsByDimension, _clusters, _clusters, _dimensions, probe, centroidScores);
        for (var c = 0; c < centroidScores.Length; c++)
        {
            var score = centroidScores[c];
            if (kept == probes && !(score > bestScores[kept - 1]))
            {
                continue;
            }

            var i = kept < probes ? kept++ : probes - 1;
            while (i > 0 && bestScores[i - 1] < score)
            {
                bestScores[i] = bestScores[i - 1];
                best[i] = best[i - 1];
                i--;
            }

            bestScores[i] = score;
            best[i] = c;
        }

        ArrayPool<float>.Shared.Return(buffer);
        var scanned = 0;
        for (var p = 0; p < kept; p++)
        {
            if (p >= probedClusters && scanned >= budget)
            {
                break;
            }

            var list = _lists[best[p]];
            list.Scan(probe, eligible, exclusion, top);
            scanned += list.Count;
        }

        top.DrainInto(into);
    }

    private void RemoveAt((int Cluster, int Slot) at)
    {
        var moved = _lists[at.Cluster].RemoveAt(at.Slot);
        if (moved is not null)
        {
            _location[moved] = at;
        }
    }

    /// <summary>
    /// The nearest cluster that still has room (<paramref name="current"/>, the item's own cluster, always
    /// counts as having room); the nearest overall when every one is full.
    /// </summary>
    private int NearestWithRoom(ReadOnlySpan<float> vector, int current = -1)
    {
        var buffer = ArrayPool<float>.Shared.Rent(_clusters);
        var scores = buffer.AsSpan(0, _clusters);
        VectorList<T>.Scores(_centroidsByDimension, _clusters, _clusters, _dimensions, vector, scores);
        var best = 0;
        var bestScore = float.NegativeInfinity;
        var open = -1;
        var openScore = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            var score = scores[c];
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }

            if (score > openScore && (c == current || _lists[c].Count < _capacity))
            {
                openScore = score;
                open = c;
            }
        }

        ArrayPool<float>.Shared.Return(buffer);
        return open >= 0 ? open : best;
    }

    private static int Nearest(float[] centroids, int k, int d, ReadOnlySpan<float> vector)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < k; c++)
        {
            var score = TensorPrimitives.Dot(centroids.AsSpan(c * d, d), vector);
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }

    private static void Normalize(ReadOnlySpan<float> vector, Span<float> result)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-9f && float.IsFinite(norm))
        {
            TensorPrimitives.Multiply(vector, 1f / norm, result);
        }
        else
        {
            result.Clear();
        }
    }
}

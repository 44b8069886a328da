using System.Numerics.Tensors;

namespace Platform.Grains.Catalog;

/// <summary>
/// An inverted-file (IVF) index for maximum inner-product retrieval: items are grouped by their nearest
/// centroid (k-means on direction), and a query scans only the clusters whose centroids score best
/// against it, so its cost grows with the square root of the catalog rather than with the catalog.
/// Items whose vectors change are reassigned on update; the centroids are retrained when the catalog
/// has doubled since the last training. Until trained, a query scans everything (exact).
/// </summary>
public sealed class ClusteredVectorIndex<T>(Func<T, float[]> vectorOf, int probedClusters, int minScanned) where T : class
{
    private const int TrainingSample = 20_000;
    private const int Iterations = 6;

    private readonly Dictionary<T, int> _cluster = new(ReferenceEqualityComparer.Instance);
    private readonly List<List<T>> _members = [];
    private float[][] _centroids = [];
    private int _trainedAt;

    public int Count => _cluster.Count;

    public int Clusters => _centroids.Length;

    public bool IsTrained => _centroids.Length > 0;

    /// <summary>Size of the largest cluster (balance diagnostics).</summary>
    public int LargestCluster => _members.Count == 0 ? 0 : _members.Max(m => m.Count);

    /// <summary>Adds an item, or reassigns it after its vector changed.</summary>
    public void Upsert(T item)
    {
        var target = IsTrained ? Nearest(vectorOf(item)) : 0;
        if (_cluster.TryGetValue(item, out var current))
        {
            if (current == target)
            {
                return;
            }

            _members[current].Remove(item);
        }

        if (_members.Count == 0)
        {
            _members.Add([]);
        }

        _members[target].Add(item);
        _cluster[item] = target;
    }

    public void Remove(T item)
    {
        if (_cluster.Remove(item, out var current))
        {
            _members[current].Remove(item);
        }
    }

    /// <summary>True when the catalog has grown enough since the last training to retrain.</summary>
    public bool NeedsTraining(int threshold) => Count >= threshold && Count >= 2 * Math.Max(_trainedAt, threshold / 2);

    /// <summary>Learns sqrt(n) centroids by spherical k-means on a sample and reassigns every item.</summary>
    public void Train(Random random)
    {
        var items = _cluster.Keys.ToList();
        var dimensions = items.Count == 0 ? 0 : vectorOf(items[0]).Length;
        if (items.Count == 0 || dimensions == 0)
        {
            return;
        }

        var k = Math.Clamp((int)Math.Sqrt(items.Count), 1, 2048);
        var sample = items.Count <= TrainingSample ? items : [.. items.OrderBy(_ => random.Next()).Take(TrainingSample)];
        var centroids = new float[k][];
        for (var c = 0; c < k; c++)
        {
            centroids[c] = Normalized(vectorOf(sample[random.Next(sample.Count)]), dimensions);
        }

        var sums = new float[k][];
        var counts = new int[k];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var c = 0; c < k; c++)
            {
                sums[c] = new float[dimensions];
                counts[c] = 0;
            }

            foreach (var item in sample)
            {
                var v = vectorOf(item);
                if (v.Length != dimensions)
                {
                    continue;
                }

                var c = Nearest(centroids, v);
                TensorPrimitives.Add(sums[c], Normalized(v, dimensions), sums[c]);
                counts[c]++;
            }

            for (var c = 0; c < k; c++)
            {
                centroids[c] = counts[c] > 0 ? Normalized(sums[c], dimensions) : Normalized(vectorOf(sample[random.Next(sample.Count)]), dimensions);
            }
        }

        _centroids = centroids;
        _members.Clear();
        for (var c = 0; c < k; c++)
        {
            _members.Add([]);
        }

        foreach (var item in items)
        {
            var c = Nearest(vectorOf(item));
            _members[c].Add(item);
            _cluster[item] = c;
        }

        _trainedAt = items.Count;
    }

    /// <summary>The best <paramref name="limit"/> eligible items by inner product with <paramref name="probe"/>.</summary>
    public List<(T Item, double Score)> Search(ReadOnlySpan<float> probe, int limit, Func<T, bool> eligible)
    {
        var top = new TopK<T>(limit);
        if (!IsTrained)
        {
            foreach (var list in _members)
            {
                Scan(list, probe, eligible, top);
            }

            return top.Drain();
        }

        var order = new TopK<int>(_centroids.Length);
        for (var c = 0; c < _centroids.Length; c++)
        {
            order.Offer(c, TensorPrimitives.Dot(probe, _centroids[c]));
        }

        var scanned = 0;
        var probed = 0;
        foreach (var (c, _) in order.Drain())
        {
            if (probed >= probedClusters && scanned >= Math.Max(minScanned, limit * 4))
            {
                break;
            }

            Scan(_members[c], probe, eligible, top);
            scanned += _members[c].Count;
            probed++;
        }

        return top.Drain();
    }

    private void Scan(List<T> list, ReadOnlySpan<float> probe, Func<T, bool> eligible, TopK<T> top)
    {
        foreach (var item in list)
        {
            var v = vectorOf(item);
            if (v.Length == probe.Length && eligible(item))
            {
                top.Offer(item, TensorPrimitives.Dot(probe, v));
            }
        }
    }

    private int Nearest(float[] vector) => vector.Length == 0 || _centroids.Length == 0 ? 0 : Nearest(_centroids, vector);

    private static int Nearest(float[][] centroids, ReadOnlySpan<float> vector)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            if (centroids[c].Length != vector.Length)
            {
                continue;
            }

            var score = TensorPrimitives.Dot(centroids[c], vector);
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }

    private static float[] Normalized(ReadOnlySpan<float> vector, int dimensions)
    {
        var result = new float[dimensions];
        if (vector.Length != dimensions)
        {
            return result;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-9f && float.IsFinite(norm))
        {
            TensorPrimitives.Multiply(vector, 1f / norm, result);
        }

        return result;
    }
}

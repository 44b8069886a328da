using System.Buffers;
using System.Numerics.Tensors;

namespace Platform.Grains.Recommendation;

/// <summary>
/// An item-item model over a fixed set of videos (the most co-engaged ones when it was built): a dense
/// matrix B where B[a, t] says how much engaging with video a predicts engaging with video t (EASE, Steck
/// 2019: see <see cref="EaseSolver"/>). Immutable, so a silo swaps a refreshed one in while feeds read the
/// old one. Videos outside the set (new ones, the long tail) get no score from it: co-engagement and the
/// other sources serve them. Memory: 4 × Count² bytes for B plus the ids.
/// </summary>
public sealed class ItemItemModel
{
    private readonly string[] _items;
    private readonly Dictionary<string, int> _index;
    private readonly float[] _weights;

    /// <param name="items">The videos covered, in matrix order.</param>
    /// <param name="weights">B, row-major (row: anchor, column: target), Count × Count.</param>
    public ItemItemModel(string[] items, float[] weights)
    {
        if (weights.Length != (long)items.Length * items.Length)
        {
            throw new ArgumentException("The matrix must be Count × Count.", nameof(weights));
        }

        _items = items;
        _weights = weights;
        _index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            _index[items[i]] = i;
        }
    }

    /// <summary>Number of videos covered.</summary>
    public int Count => _items.Length;

    /// <summary>The videos covered, in matrix order.</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>Bytes the matrix takes (the ids come on top: one reference each, shared with the index).</summary>
    public long MatrixBytes => (long)_weights.Length * sizeof(float);

    public bool Contains(string videoId) => _index.ContainsKey(videoId);

    /// <summary>B[anchor, target]; 0 when either is not covered.</summary>
    public float Weight(string anchor, string target) =>
        _index.TryGetValue(anchor, out var a) && _index.TryGetValue(target, out var t) ? _weights[(a * _items.Length) + t] : 0;

    /// <summary>The matrix positions of the covered videos <paramref name="keep"/> accepts (a catalog shard: its own).</summary>
    public int[] ColumnsWhere(Func<string, bool> keep)
    {
        var columns = new List<int>();
        for (var i = 0; i < _items.Length; i++)
        {
            if (keep(_items[i]))
            {
                columns.Add(i);
            }
        }

        return [.. columns];
    }

    /// <summary>
    /// Adds <paramref name="weight"/> × Σ_a anchorWeights[a] × B[anchor a, t] to the score of every covered target t
    /// (only those in <paramref name="columns"/> when given) whose sum is positive: a negative sum says "less
    /// likely than its co-engagement says" and is not a reason to propose a video. Anchors not covered add nothing.
    /// </summary>
    public void Accumulate(IReadOnlyList<string> anchors, ReadOnlySpan<float> anchorWeights, float weight, Dictionary<string, float> scores, int[]? columns = null)
    {
        var n = _items.Length;
        var sum = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var row = sum.AsSpan(0, n);
            row.Clear();
            var any = false;
            for (var a = 0; a < anchors.Count && a < anchorWeights.Length; a++)
            {
                if (_index.TryGetValue(anchors[a], out var i))
                {
                    // row += anchorWeight × B[i, :]
                    TensorPrimitives.MultiplyAdd(_weights.AsSpan(i * n, n), anchorWeights[a], row, row);
                    any = true;
                }
            }

            if (!any)
            {
                return;
            }

            if (columns is null)
            {
                for (var t = 0; t < n; t++)
                {
                    Add(scores, t, row[t] * weight);
                }
            }
            else
            {
                foreach (var t in columns)
                {
                    Add(scores, t, row[t] * weight);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sum);
        }
    }

    private void Add(Dictionary<string, float> scores, int t, float score)
    {
        if (score > 0)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scores, _items[t], out _);
            slot += score;
        }
    }
}

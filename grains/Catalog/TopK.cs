namespace Platform.Grains.Catalog;

/// <summary>Keeps the k highest-scoring items seen, with one small heap and no per-item allocation.</summary>
internal sealed class TopK<T>(int k)
{
    private readonly PriorityQueue<T, double> _heap = new(k + 1);

    /// <summary>The score an item must beat to be kept: the lowest kept score once k are kept.</summary>
    public double Threshold => k <= 0 ? double.PositiveInfinity
        : _heap.Count < k ? double.NegativeInfinity
        : _heap.TryPeek(out _, out var lowest) ? lowest : double.NegativeInfinity;

    public void Offer(T item, double score)
    {
        if (k <= 0 || double.IsNaN(score))
        {
            return;
        }

        if (_heap.Count < k)
        {
            _heap.Enqueue(item, score);
        }
        else if (_heap.TryPeek(out _, out var lowest) && score > lowest)
        {
            _heap.DequeueEnqueue(item, score);
        }
    }

    /// <summary>The kept items, best first.</summary>
    public List<(T Item, double Score)> Drain()
    {
        var result = new List<(T, double)>(_heap.Count);
        while (_heap.TryDequeue(out var item, out var score))
        {
            result.Add((item, score));
        }

        result.Reverse();
        return result;
    }
}

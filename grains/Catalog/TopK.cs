namespace Platform.Grains.Catalog;

/// <summary>Keeps the k highest-scoring items seen, with one small heap and no per-item allocation.</summary>
internal sealed class TopK<T>(int capacity)
{
    private readonly PriorityQueue<T, double> _heap = new(capacity + 1);
    private int _k = capacity;

    /// <summary>Empties the heap to keep the <paramref name="keep"/> best from now on (reuse without allocating).</summary>
    public void Reset(int keep)
    {
        _heap.Clear();
        _k = keep;
    }

    /// <summary>Appends the kept items, best first, to <paramref name="into"/>, emptying the heap.</summary>
    public void DrainInto(List<(T Item, double Score)> into)
    {
        var start = into.Count;
        while (_heap.TryDequeue(out var item, out var score))
        {
            into.Add((item, score));
        }

        into.Reverse(start, into.Count - start);
    }

    /// <summary>The score an item must beat to be kept: the lowest kept score once k are kept.</summary>
    public double Threshold => _k <= 0 ? double.PositiveInfinity
        : _heap.Count < _k ? double.NegativeInfinity
        : _heap.TryPeek(out _, out var lowest) ? lowest : double.NegativeInfinity;

    public void Offer(T item, double score)
    {
        if (_k <= 0 || double.IsNaN(score))
        {
            return;
        }

        if (_heap.Count < _k)
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

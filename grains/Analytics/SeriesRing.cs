namespace Platform.Grains.Analytics;

/// <summary>
/// The buckets of one resolution of a time series, bounded like a ring: a bucket older than the window
/// (<see cref="SeriesResolutions.Capacity"/> buckets back from now) is dropped as time moves on, and so it
/// never holds more than that many. Sparse: only buckets in which something happened take room (an id and
/// one value per metric), sorted by bucket in parallel arrays, so adding to the newest bucket — nearly every
/// event — costs a comparison and an addition and allocates nothing.
/// </summary>
[GenerateSerializer, Alias("Platform.SeriesRing")]
public sealed class SeriesRing
{
    /// <summary>Values per bucket.</summary>
    [Id(0)] public int Metrics { get; set; }

    /// <summary>The buckets held, ascending; only the first <see cref="Count"/> are used.</summary>
    [Id(1)] public long[] Buckets { get; set; } = [];

    /// <summary>The values, <see cref="Metrics"/> per bucket in the order of <see cref="Buckets"/>.</summary>
    [Id(2)] public long[] Values { get; set; } = [];

    [Id(3)] public int Count { get; set; }

    /// <summary>Creates an empty ring of <paramref name="metrics"/> values per bucket.</summary>
    public static SeriesRing For(int metrics) => new() { Metrics = metrics };

    /// <summary>
    /// Adds <paramref name="delta"/> to <paramref name="metric"/> of <paramref name="bucket"/>, first dropping
    /// the buckets older than <paramref name="oldestKept"/>. A bucket older than that is not kept: false.
    /// </summary>
    public bool Add(long bucket, int metric, long delta, long oldestKept)
    {
        if (bucket < oldestKept)
        {
            return false;
        }

        if (Count > 0 && Buckets[0] < oldestKept)
        {
            DropBefore(oldestKept);
        }

        int index;
        if (Count > 0 && Buckets[Count - 1] == bucket)
        {
            index = Count - 1;
        }
        else
        {
            index = Array.BinarySearch(Buckets, 0, Count, bucket);
            if (index < 0)
            {
                index = ~index;
                Insert(index, bucket);
            }
        }

        Values[(index * Metrics) + metric] += delta;
        return true;
    }

    /// <summary>The value of <paramref name="metric"/> in <paramref name="bucket"/> (0 when the ring has no such bucket).</summary>
    public long Get(long bucket, int metric)
    {
        var index = Array.BinarySearch(Buckets, 0, Count, bucket);
        return index >= 0 ? Values[(index * Metrics) + metric] : 0;
    }

    /// <summary>
    /// Writes the value of <paramref name="metric"/> of buckets [<paramref name="first"/>, first + values.Length)
    /// into <paramref name="values"/>, zero where the ring has nothing.
    /// </summary>
    public void Fill(long first, int metric, Span<long> values)
    {
        values.Clear();
        var index = Array.BinarySearch(Buckets, 0, Count, first);
        index = index < 0 ? ~index : index;
        var end = first + values.Length;
        for (; index < Count && Buckets[index] < end; index++)
        {
            values[(int)(Buckets[index] - first)] = Values[(index * Metrics) + metric];
        }
    }

    /// <summary>Forgets every bucket.</summary>
    public void Clear()
    {
        Array.Clear(Values, 0, Count * Metrics);
        Count = 0;
    }

    private void DropBefore(long oldestKept)
    {
        var drop = Array.BinarySearch(Buckets, 0, Count, oldestKept);
        drop = drop < 0 ? ~drop : drop;
        var keep = Count - drop;
        Array.Copy(Buckets, drop, Buckets, 0, keep);
        Array.Copy(Values, drop * Metrics, Values, 0, keep * Metrics);
        Array.Clear(Values, keep * Metrics, drop * Metrics);
        Count = keep;
    }

    private void Insert(int index, long bucket)
    {
        if (Count == Buckets.Length)
        {
            var capacity = Math.Max(4, Count * 2);
            var buckets = new long[capacity];
            var values = new long[capacity * Metrics];
            Array.Copy(Buckets, buckets, Count);
            Array.Copy(Values, values, Count * Metrics);
            Buckets = buckets;
            Values = values;
        }

        Array.Copy(Buckets, index, Buckets, index + 1, Count - index);
        Array.Copy(Values, index * Metrics, Values, (index + 1) * Metrics, (Count - index) * Metrics);
        Array.Clear(Values, index * Metrics, Metrics);
        Buckets[index] = bucket;
        Count++;
    }
}

using System.Buffers;
using System.Numerics.Tensors;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Catalog;

/// <summary>
/// One inverted list of a <see cref="ClusteredVectorIndex{T}"/>: its items and their vectors stored
/// contiguously and dimension-major (row j holds coordinate j of every item), so scoring the whole list
/// against a probe is one vectorized multiply-add per dimension over the list instead of one short dot
/// product per item. With a key selector it also keeps each item's 64-bit key (its id hash) alongside,
/// so an exclusion-filter test needs no visit to the item itself. Removal moves the last item into the hole.
/// </summary>
internal sealed class VectorList<T>(int dimensions, Func<T, ulong>? keyOf = null) where T : class
{
    private T[] _items = [];
    private ulong[] _keys = [];
    private float[] _coordinates = [];
    private int _capacity;

    public int Count { get; private set; }

    public ReadOnlySpan<T> Items => _items.AsSpan(0, Count);

    /// <summary>Appends an item and a copy of its vector; returns its slot.</summary>
    public int Add(T item, ReadOnlySpan<float> vector)
    {
        if (Count == _capacity)
        {
            Grow();
        }

        _items[Count] = item;
        if (keyOf is not null)
        {
            _keys[Count] = keyOf(item);
        }

        Set(Count, vector);
        return Count++;
    }

    /// <summary>Overwrites the stored vector of the item in <paramref name="slot"/>.</summary>
    public void Set(int slot, ReadOnlySpan<float> vector)
    {
        for (var j = 0; j < dimensions; j++)
        {
            _coordinates[j * _capacity + slot] = vector[j];
        }
    }

    /// <summary>Removes the item in <paramref name="slot"/>; returns the item moved into it, if any.</summary>
    public T? RemoveAt(int slot)
    {
        var last = --Count;
        T? moved = null;
        if (slot != last)
        {
            moved = _items[last];
            _items[slot] = moved;
            if (keyOf is not null)
            {
                _keys[slot] = _keys[last];
            }

            for (var j = 0; j < dimensions; j++)
            {
                _coordinates[j * _capacity + slot] = _coordinates[j * _capacity + last];
            }
        }

        _items[last] = null!;
        return moved;
    }

    /// <summary>
    /// Offers every eligible item to <paramref name="top"/> with its inner product against <paramref name="probe"/>:
    /// items whose key the <paramref name="exclusion"/> filter may contain are skipped (when keys are kept),
    /// then <paramref name="eligible"/>, when given, decides.
    /// </summary>
    public void Scan(ReadOnlySpan<float> probe, Func<T, bool>? eligible, ReadOnlySpan<ulong> exclusion, TopK<T> top)
    {
        var count = Count;
        if (count == 0)
        {
            return;
        }

        var buffer = ArrayPool<float>.Shared.Rent(count);
        var scores = buffer.AsSpan(0, count);
        Scores(_coordinates, _capacity, count, dimensions, probe, scores);
        var items = _items;
        var filter = keyOf is not null && !exclusion.IsEmpty;
        for (var i = 0; i < scores.Length; i++)
        {
            // Eligibility only for items that would make the top; the key test reads a contiguous array.
            if (scores[i] > top.Threshold
                && (!filter || !ExclusionFilter.MayContain(exclusion, _keys[i]))
                && (eligible is null || eligible(items[i])))
            {
                top.Offer(items[i], scores[i]);
            }
        }

        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>
    /// The inner products of <paramref name="count"/> dimension-major vectors (row stride
    /// <paramref name="stride"/>) with <paramref name="probe"/>, into <paramref name="scores"/>.
    /// </summary>
    public static void Scores(float[] coordinates, int stride, int count, int dimensions, ReadOnlySpan<float> probe, Span<float> scores)
    {
        TensorPrimitives.Multiply(coordinates.AsSpan(0, count), probe[0], scores);
        for (var j = 1; j < dimensions; j++)
        {
            TensorPrimitives.MultiplyAdd(coordinates.AsSpan(j * stride, count), probe[j], scores, scores);
        }
    }

    private void Grow()
    {
        var capacity = Math.Max(8, _capacity * 2);
        var coordinates = new float[capacity * dimensions];
        for (var j = 0; j < dimensions; j++)
        {
            _coordinates.AsSpan(j * _capacity, Count).CopyTo(coordinates.AsSpan(j * capacity, Count));
        }

        Array.Resize(ref _items, capacity);
        if (keyOf is not null)
        {
            Array.Resize(ref _keys, capacity);
        }

        _coordinates = coordinates;
        _capacity = capacity;
    }
}

using System.Numerics.Tensors;

namespace Platform.Grains.Catalog;

/// <summary>
/// One inverted list of a <see cref="ClusteredVectorIndex{T}"/>: its items and their vectors stored
/// contiguously (row i of <see cref="Vectors"/> belongs to item i), so a scan streams one array instead
/// of chasing a pointer per item. Removal swaps the last row into the hole.
/// </summary>
internal sealed class VectorList<T>(int dimensions) where T : class
{
    private T[] _items = [];
    private float[] _vectors = [];

    public int Count { get; private set; }

    public ReadOnlySpan<T> Items => _items.AsSpan(0, Count);

    public ReadOnlySpan<float> Vectors => _vectors.AsSpan(0, Count * dimensions);

    /// <summary>Appends an item and a copy of its vector; returns its slot.</summary>
    public int Add(T item, ReadOnlySpan<float> vector)
    {
        if (Count == _items.Length)
        {
            var capacity = Math.Max(8, _items.Length * 2);
            Array.Resize(ref _items, capacity);
            Array.Resize(ref _vectors, capacity * dimensions);
        }

        _items[Count] = item;
        vector.CopyTo(_vectors.AsSpan(Count * dimensions, dimensions));
        return Count++;
    }

    /// <summary>Overwrites the stored vector of the item in <paramref name="slot"/>.</summary>
    public void Set(int slot, ReadOnlySpan<float> vector) => vector.CopyTo(_vectors.AsSpan(slot * dimensions, dimensions));

    /// <summary>Removes the item in <paramref name="slot"/>; returns the item moved into it, if any.</summary>
    public T? RemoveAt(int slot)
    {
        var last = --Count;
        T? moved = null;
        if (slot != last)
        {
            moved = _items[last];
            _items[slot] = moved;
            _vectors.AsSpan(last * dimensions, dimensions).CopyTo(_vectors.AsSpan(slot * dimensions, dimensions));
        }

        _items[last] = null!;
        return moved;
    }

    /// <summary>Offers every eligible item to <paramref name="top"/> with its inner product against <paramref name="probe"/>.</summary>
    public void Scan(ReadOnlySpan<float> probe, Func<T, bool> eligible, TopK<T> top)
    {
        var vectors = Vectors;
        var items = Items;
        for (var i = 0; i < items.Length; i++)
        {
            var score = TensorPrimitives.Dot(probe, vectors.Slice(i * dimensions, dimensions));
            // The eligibility test (an exclusion-filter lookup) only for items that would make the top.
            if (score > top.Threshold && eligible(items[i]))
            {
                top.Offer(items[i], score);
            }
        }
    }

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}

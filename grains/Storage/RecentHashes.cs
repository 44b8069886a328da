using System.Runtime.InteropServices;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Storage;

/// <summary>
/// A bounded set of the last ids added, kept as their 64-bit hashes (<see cref="IdHash"/>) in a ring
/// that grows with use up to the capacity: adding past the capacity forgets the oldest. Persisted as one byte array, so a state write copies
/// 8 bytes per id instead of encoding thousands of strings. Two ids share a hash with probability
/// about n²/2⁶⁵ (n = capacity; 4,096 ids: 5·10⁻¹³), which would make a fresh id look like a duplicate.
/// </summary>
[GenerateSerializer, Alias("Platform.RecentHashes")]
public sealed class RecentHashes
{
    [NonSerialized]
    private ulong[] _ring = [];

    [NonSerialized]
    private HashSet<ulong>? _lookup;

    /// <summary>The ring as stored: little-endian hashes, 0 for an empty slot.</summary>
    [Id(0)]
    public byte[] Packed
    {
        get => MemoryMarshal.AsBytes(_ring.AsSpan()).ToArray();
        set
        {
            _ring = MemoryMarshal.Cast<byte, ulong>(value).ToArray();
            _lookup = null;
        }
    }

    /// <summary>The slot the next id takes.</summary>
    [Id(1)]
    public int Next { get; set; }

    /// <summary>The ids remembered.</summary>
    public int Count => Lookup.Count;

    public bool Contains(string id) => Lookup.Contains(Hash(id));

    /// <summary>Adds the id unless present; returns false when it was already there.</summary>
    public bool Add(string id, int capacity)
    {
        var hash = Hash(id);
        if (Lookup.Contains(hash))
        {
            return false;
        }

        if (_ring.Length > capacity)
        {
            Resize(capacity);
        }

        if (Next == _ring.Length)
        {
            // The ring is full up to its end, oldest first: grow it until it reaches the capacity, then wrap.
            if (_ring.Length < capacity)
            {
                Array.Resize(ref _ring, Math.Min(capacity, Math.Max(16, _ring.Length * 2)));
            }
            else
            {
                Next = 0;
            }
        }

        ref var slot = ref _ring[Next];
        if (slot != 0)
        {
            _lookup!.Remove(slot);
        }

        slot = hash;
        _lookup!.Add(hash);
        Next++;
        return true;
    }

    private static ulong Hash(string id) => IdHash.Of(id) is var h && h == 0 ? 1 : h;

    private HashSet<ulong> Lookup
    {
        get
        {
            if (_lookup is null)
            {
                _lookup = new HashSet<ulong>(_ring.Length);
                foreach (var hash in _ring)
                {
                    if (hash != 0)
                    {
                        _lookup.Add(hash);
                    }
                }
            }

            return _lookup;
        }
    }

    /// <summary>A smaller capacity keeps the most recent ids that fit, oldest first from slot 0.</summary>
    private void Resize(int capacity)
    {
        var kept = new List<ulong>(Math.Min(capacity, _ring.Length));
        for (var i = 0; i < _ring.Length; i++)
        {
            var hash = _ring[(Next + i) % _ring.Length];
            if (hash != 0)
            {
                kept.Add(hash);
            }
        }

        if (kept.Count > capacity)
        {
            kept.RemoveRange(0, kept.Count - capacity);
        }

        _ring = [.. kept];
        Next = kept.Count;
        _lookup = [.. kept];
    }
}

using System.Numerics;

namespace Platform.Grains.Catalog;

/// <summary>
/// Exact near-neighbour search over 64-bit codes by Hamming distance (Norouzi et al.'s multi-index hashing):
/// the 64 bits are split into 7 blocks (one of 10 bits, six of 9), each with its own table from block value to
/// the codes holding it. Two codes within distance 6 differ in at most 6 bits, so in at most 6 blocks: they
/// agree exactly on at least one. A search therefore visits only the 7 buckets of its own block values and
/// checks the full distance of what it finds there, never every code. Each bucket keeps its codes inline beside
/// their slots, so a search reads its 7 buckets sequentially instead of chasing each slot into one large array
/// (at 1M codes that was a cache miss per candidate). Slots are reused after removal.
/// </summary>
public sealed class MultiIndexHash
{
    /// <summary>Number of blocks the code is split into.</summary>
    public const int Blocks = 7;

    /// <summary>The largest distance a search is exact for: with 7 blocks, 6.</summary>
    public const int MaxDistance = Blocks - 1;

    private static readonly int[] Widths = [10, 9, 9, 9, 9, 9, 9];
    private static readonly int[] Shifts = [0, 10, 19, 28, 37, 46, 55];
    private static readonly int[] BucketBase = [0, 1024, 1536, 2048, 2560, 3072, 3584];
    private const int BucketCount = 4096;

    private readonly int[][] _buckets = new int[BucketCount][];
    private readonly ulong[][] _bucketCodes = new ulong[BucketCount][];
    private readonly int[] _bucketSizes = new int[BucketCount];
    private ulong[] _codes = new ulong[16];
    private bool[] _used = new bool[16];
    private readonly Stack<int> _free = new();
    private int _slots;

    /// <summary>Codes held.</summary>
    public int Count { get; private set; }

    /// <summary>The Hamming distance of two codes.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The code at a slot that <see cref="Add"/> returned.</summary>
    public ulong Code(int slot) => _codes[slot];

    /// <summary>Adds a code; returns its slot (stable until <see cref="Remove"/>).</summary>
    public int Add(ulong code)
    {
        int slot;
        if (_free.Count > 0)
        {
            slot = _free.Pop();
        }
        else
        {
            slot = _slots++;
            if (slot == _codes.Length)
            {
                Array.Resize(ref _codes, _codes.Length * 2);
                Array.Resize(ref _used, _used.Length * 2);
            }
        }

        _codes[slot] = code;
        _used[slot] = true;
        for (var b = 0; b < Blocks; b++)
        {
            var bucket = BucketOf(code, b);
            ref var items = ref _buckets[bucket];
            ref var inline = ref _bucketCodes[bucket];
            items ??= new int[4];
            inline ??= new ulong[4];
            if (_bucketSizes[bucket] == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
                Array.Resize(ref inline, inline.Length * 2);
            }

            inline[_bucketSizes[bucket]] = code;
            items[_bucketSizes[bucket]++] = slot;
        }

        Count++;
        return slot;
    }

    /// <summary>Removes the code at <paramref name="slot"/>; the slot may be handed out again.</summary>
    public void Remove(int slot)
    {
        if ((uint)slot >= (uint)_slots || !_used[slot])
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "No code is held at this slot.");
        }

        var code = _codes[slot];
        for (var b = 0; b < Blocks; b++)
        {
            var bucket = BucketOf(code, b);
            var items = _buckets[bucket];
            var last = --_bucketSizes[bucket];
            var at = Array.IndexOf(items, slot, 0, last + 1);
            items[at] = items[last];
            _bucketCodes[bucket][at] = _bucketCodes[bucket][last];
        }

        _used[slot] = false;
        _free.Push(slot);
        Count--;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the slot of every code within <paramref name="maxDistance"/> (at most
    /// <see cref="MaxDistance"/>) of <paramref name="code"/>, each once. Allocates nothing beyond growing the list.
    /// </summary>
    public void Search(ulong code, int maxDistance, List<int> found)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDistance, MaxDistance);
        for (var b = 0; b < Blocks; b++)
        {
            var bucket = BucketOf(code, b);
            var size = _bucketSizes[bucket];
            if (size == 0)
            {
                continue;
            }

            var inline = _bucketCodes[bucket].AsSpan(0, size);
            for (var i = 0; i < inline.Length; i++)
            {
                var other = inline[i];
                if (BitOperations.PopCount(code ^ other) <= maxDistance && !AgreesOnEarlierBlock(code, other, b))
                {
                    found.Add(_buckets[bucket][i]);
                }
            }
        }
    }

    /// <summary>Bytes the index holds for its tables and codes (excluding what callers keep per slot).</summary>
    public long ApproximateBytes()
    {
        long bytes = (long)_codes.Length * sizeof(ulong) + _used.Length + (long)BucketCount * (sizeof(int) + IntPtr.Size);
        foreach (var items in _buckets)
        {
            bytes += items is null ? 0 : 48 + (long)items.Length * (sizeof(int) + sizeof(ulong));
        }

        return bytes;
    }

    /// <summary>A code found in block b's bucket is reported there only if no earlier block also matched, so once.</summary>
    private static bool AgreesOnEarlierBlock(ulong a, ulong b, int block)
    {
        for (var e = 0; e < block; e++)
        {
            if (BlockValue(a, e) == BlockValue(b, e))
            {
                return true;
            }
        }

        return false;
    }

    private static int BlockValue(ulong code, int block) => (int)((code >> Shifts[block]) & ((1UL << Widths[block]) - 1));

    private static int BucketOf(ulong code, int block) => BucketBase[block] + BlockValue(code, block);
}

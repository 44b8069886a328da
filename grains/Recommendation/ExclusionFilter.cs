namespace Platform.Grains.Recommendation;

/// <summary>
/// A Bloom filter over video ids, small enough to send to every catalog shard with a feed query.
/// It has no false negatives, so a shard that honours it never proposes an excluded video; a false
/// positive only hides one eligible video from one feed.
/// </summary>
public static class ExclusionFilter
{
    private const int Probes = 3;
    private const int BitsPerItem = 12;

    /// <summary>Builds the filter bits for the given ids.</summary>
    public static ulong[] Create(IReadOnlyCollection<string> ids) => Create([.. ids.Select(IdHash.Of)], []);

    /// <summary>Builds the filter bits for the ids with these <see cref="IdHash"/>es.</summary>
    public static ulong[] Create(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> more)
    {
        var count = hashes.Length + more.Length;
        if (count == 0)
        {
            return [];
        }

        var bits = new ulong[Math.Max(4, (count * BitsPerItem + 63) / 64)];
        foreach (var hash in hashes)
        {
            Add(bits, hash);
        }

        foreach (var hash in more)
        {
            Add(bits, hash);
        }

        return bits;
    }

    /// <summary>True when the id with this <see cref="IdHash"/> may be in the filter.</summary>
    public static bool MayContain(ReadOnlySpan<ulong> bits, ulong hash)
    {
        if (bits.IsEmpty)
        {
            return false;
        }

        var m = (ulong)bits.Length * 64;
        var h1 = hash & 0xffffffffUL;
        var h2 = (hash >> 32) | 1;
        for (ulong i = 0; i < Probes; i++)
        {
            var bit = (h1 + i * h2) % m;
            if ((bits[(int)(bit >> 6)] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(Span<ulong> bits, ulong hash)
    {
        var m = (ulong)bits.Length * 64;
        var h1 = hash & 0xffffffffUL;
        var h2 = (hash >> 32) | 1;
        for (ulong i = 0; i < Probes; i++)
        {
            var bit = (h1 + i * h2) % m;
            bits[(int)(bit >> 6)] |= 1UL << (int)(bit & 63);
        }
    }
}

namespace Platform.Grains.Recommendation;

/// <summary>
/// FNV-1a, 64 bits, over the UTF-16 code units of a string. Unlike <see cref="string.GetHashCode()"/>
/// it is the same in every process, so shard placement and seeded embeddings survive restarts.
/// </summary>
public static class IdHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string value) => Of(value.AsSpan());

    public static ulong Of(ReadOnlySpan<char> value, ulong seed = Offset)
    {
        var hash = seed;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        // Final avalanche (splitmix64) so nearby ids spread over all bits.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }

    /// <summary>The shard (0..shards-1) a video id belongs to.</summary>
    public static int Shard(string videoId, int shards) => (int)(Of(videoId) % (ulong)shards);
}

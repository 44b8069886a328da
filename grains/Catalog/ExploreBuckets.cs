namespace Platform.Grains.Catalog;

/// <summary>
/// The shard's under-exposed videos (fewer impressions than the exploration threshold) grouped by
/// <see cref="CatalogEntry.Exposure"/>, so the exploration source proposes the least-exposed videos first, at random among equals, reading
/// only about as many entries as it proposes instead of scanning the shard. Each entry remembers its
/// bucket and slot: adding, moving and removing are O(1) (swap with the bucket's last entry).
/// </summary>
internal sealed class ExploreBuckets(int maxExposure)
{
    /// <summary>Exposures beyond this share the last bucket (random order among them).</summary>
    private const int MaxBuckets = 1024;

    private readonly List<CatalogEntry>?[] _buckets = new List<CatalogEntry>?[Math.Clamp(maxExposure, 0, MaxBuckets)];

    /// <summary>Files the entry under its current exposure, or drops it once it has had enough.</summary>
    public void Update(CatalogEntry entry)
    {
        var exposure = entry.Exposure;
        var bucket = exposure >= maxExposure || _buckets.Length == 0 ? -1 : (int)Math.Clamp(exposure, 0, _buckets.Length - 1);
        if (bucket == entry.ExploreBucket)
        {
            return;
        }

        Remove(entry);
        if (bucket < 0)
        {
            return;
        }

        var list = _buckets[bucket] ??= [];
        entry.ExploreBucket = bucket;
        entry.ExploreSlot = list.Count;
        list.Add(entry);
    }

    public void Remove(CatalogEntry entry)
    {
        if (entry.ExploreBucket < 0)
        {
            return;
        }

        var list = _buckets[entry.ExploreBucket]!;
        var last = list[^1];
        list[entry.ExploreSlot] = last;
        last.ExploreSlot = entry.ExploreSlot;
        list.RemoveAt(list.Count - 1);
        entry.ExploreBucket = -1;
        entry.ExploreSlot = -1;
    }

    /// <summary>
    /// Offers up to <paramref name="limit"/> accepted entries, least exposed first, starting at a random
    /// place within each bucket; reads at most <paramref name="budget"/> entries in all.
    /// </summary>
    public void Take(int limit, int budget, Random random, Func<CatalogEntry, bool> accept)
    {
        var taken = 0;
        for (var b = 0; b < _buckets.Length && taken < limit && budget > 0; b++)
        {
            var list = _buckets[b];
            if (list is not { Count: > 0 })
            {
                continue;
            }

            var start = random.Next(list.Count);
            for (var i = 0; i < list.Count && taken < limit && budget > 0; i++, budget--)
            {
                if (accept(list[(start + i) % list.Count]))
                {
                    taken++;
                }
            }
        }
    }
}

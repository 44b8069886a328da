namespace Platform.Grains.Catalog;

/// <summary>
/// Orders catalog entries by trending velocity, highest first, without depending on the current time.
/// Every entry decays with the same half-life, so <c>Trending * 0.5^((now - TrendingAt) / halfLife)</c>
/// ranks entries exactly as <c>log2(Trending) + TrendingAt / halfLife</c> does at any <c>now</c>: a sorted
/// set on that key stays valid between reports, and the trending source reads its top entries instead of
/// decaying and scanning the whole shard on every feed request.
/// </summary>
internal sealed class TrendingOrder(TimeSpan halfLife) : IComparer<CatalogEntry>
{
    private readonly double _halfLifeSeconds = halfLife.TotalSeconds;

    /// <summary>The time-independent rank key of an entry with positive trending velocity.</summary>
    public double Key(CatalogEntry entry) =>
        Math.Log2(entry.Trending) + (entry.TrendingAt - DateTimeOffset.UnixEpoch).TotalSeconds / _halfLifeSeconds;

    public int Compare(CatalogEntry? x, CatalogEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var byKey = Key(y!).CompareTo(Key(x!));
        if (byKey != 0)
        {
            return byKey;
        }

        var byHash = y!.Hash.CompareTo(x!.Hash);
        return byHash != 0 ? byHash : string.CompareOrdinal(x.Video.VideoId, y.Video.VideoId);
    }
}

namespace Platform.GrainInterfaces;

/// <summary>
/// The discovery side of one catalog shard (the same grain as <see cref="ICatalogShardGrain"/> with the same key):
/// full-text search, tag pages and tag trends over the shard's published videos. <see cref="IDiscoveryGrain"/> asks
/// every shard and merges.
/// </summary>
public interface IDiscoveryShardGrain : IGrainWithIntegerKey
{
    /// <summary>The shard's best <paramref name="count"/> matches for a query over titles and tags, best first.</summary>
    Task<SearchHit[]> SearchAsync(string query, int count);

    /// <summary>The shard's <paramref name="count"/> most trending videos with a tag (any case), newest first among equals.</summary>
    Task<SearchHit[]> GetTagVideosAsync(string tag, int count);

    /// <summary>The shard's <paramref name="count"/> tags with the highest engagement velocity.</summary>
    Task<TrendingTag[]> GetTrendingTagsAsync(int count);

    /// <summary>The shard's velocity and video count for each of the given (lower-cased) tags, in order.</summary>
    Task<TrendingTag[]> GetTagStatsAsync(string[] tags);
}

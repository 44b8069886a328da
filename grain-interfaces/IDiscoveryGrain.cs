namespace Platform.GrainInterfaces;

/// <summary>
/// Discovery over the whole catalog: asks every catalog shard once and merges their answers. Stateless (key 0),
/// so each silo answers its own requests.
/// </summary>
public interface IDiscoveryGrain : IGrainWithIntegerKey
{
    /// <summary>Published videos whose title or tags match the query: text relevance first, then engagement.</summary>
    Task<SearchHit[]> SearchAsync(string query, int count);

    /// <summary>Published videos with the tag (any case), trending first, newest first among equals.</summary>
    Task<SearchHit[]> GetTagVideosAsync(string tag, int count);

    /// <summary>Tags by engagement velocity, highest first, with their video counts.</summary>
    Task<TrendingTag[]> GetTrendingTagsAsync(int count);
}

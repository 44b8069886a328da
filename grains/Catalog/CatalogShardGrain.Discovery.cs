using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Search;

namespace Platform.Grains.Catalog;

/// <summary>
/// The shard's discovery side: a <see cref="DiscoveryIndex"/> fed the same upserts, reports and removals as the
/// candidate index, so search and tag pages hold exactly the videos feeds may serve, and rebuilt from the shard's
/// snapshot when it activates.
/// </summary>
public sealed partial class CatalogShardGrain : IDiscoveryShardGrain
{
    // Managed memory only (a RAMDirectory): nothing to release when the activation goes.
    private DiscoveryIndex? _discovery;

    private DiscoveryIndex Discovery => _discovery ??= new DiscoveryIndex(
        ServiceProvider.GetRequiredService<IOptions<SearchOptions>>().Value,
        ServiceProvider.GetRequiredService<IOptions<CatalogOptions>>().Value,
        ServiceProvider.GetRequiredService<TimeProvider>());

    private DateTimeOffset Now => ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

    public Task<SearchHit[]> SearchAsync(string query, int count) => Task.FromResult(Discovery.Search(query, count));

    public Task<SearchHit[]> GetTagVideosAsync(string tag, int count) => Task.FromResult(Discovery.TagVideos(tag, count, Now));

    public Task<TrendingTag[]> GetTrendingTagsAsync(int count) => Task.FromResult(Discovery.TrendingTags(count, Now));

    public Task<TrendingTag[]> GetTagStatsAsync(string[] tags) => Task.FromResult(Discovery.TagStats(tags, Now));

    /// <summary>Indexes every video the shard loaded and opens a reader on them.</summary>
    private void RebuildDiscovery(IEnumerable<CatalogVideo> videos)
    {
        foreach (var video in videos)
        {
            Discovery.Upsert(video);
        }

        Discovery.Refresh();
    }
}

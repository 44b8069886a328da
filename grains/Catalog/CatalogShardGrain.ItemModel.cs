using Platform.GrainInterfaces;

namespace Platform.Grains.Catalog;

/// <summary>What a silo's item-item model refresher reads from the shard (see <see cref="Recommendation.ItemModelRefresh"/>).</summary>
public sealed partial class CatalogShardGrain
{
    public Task<ItemActivity[]> GetMostEngagedAsync(int count) =>
        Task.FromResult(_index.MostEngaged(Math.Clamp(count, 0, 5000)));

    public Task<ItemEdgeList> GetEdgesAmongAsync(string[] items) =>
        Task.FromResult(_index.EdgesAmong(items.Length <= 5000 ? items : items[..5000]));
}

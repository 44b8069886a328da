using Platform.GrainInterfaces;

namespace Platform.Grains.Catalog;

/// <summary>
/// One page of a catalog shard's snapshot: the shard's videos whose id hashes to the page, and the
/// co-engagement edges whose anchor does. Ids are never renumbered.
/// </summary>
[GenerateSerializer, Alias("Platform.CatalogShardPage")]
public sealed class CatalogShardPage
{
    [Id(0)] public List<CatalogVideo> Videos { get; set; } = [];

    [Id(1)] public List<CoEngagementEdge> CoEngagement { get; set; } = [];

    /// <summary>Feed impressions of each video, in the order of <see cref="Videos"/> (empty in older snapshots).</summary>
    [Id(2)] public List<long> Impressions { get; set; } = [];
}

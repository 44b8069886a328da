using Platform.GrainInterfaces;

namespace Platform.Grains.Catalog;

/// <summary>A catalog shard's persisted snapshot. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CatalogShardState")]
public sealed class CatalogShardState
{
    [Id(0)] public List<CatalogVideo> Videos { get; set; } = [];

    /// <summary>Co-engagement edges pointing at the shard's videos.</summary>
    [Id(1)] public List<CoEngagementEdge> CoEngagement { get; set; } = [];
}

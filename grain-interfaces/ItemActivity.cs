namespace Platform.GrainInterfaces;

/// <summary>
/// How much co-engagement points at one of a catalog shard's videos (the sum of its incoming edge weights, as
/// of the shard's clock): what the item-item model ranks videos by to choose the ones it covers.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ItemActivity")]
public sealed record ItemActivity(
    [property: Id(0)] string VideoId,
    [property: Id(1)] float Weight);

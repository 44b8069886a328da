namespace Platform.GrainInterfaces;

/// <summary>Counts gathered for one variant (by its index in the definition) since the sender's last flush.</summary>
[GenerateSerializer, Immutable, Alias("Platform.VariantCounts")]
public sealed record VariantCounts(
    [property: Id(0)] int Variant,
    [property: Id(1)] long Users,
    [property: Id(2)] long Impressions,
    [property: Id(3)] long Views,
    [property: Id(4)] long Completions,
    [property: Id(5)] long Likes,
    [property: Id(6)] long Shares,
    [property: Id(7)] long Skips,
    [property: Id(8)] long Comments);

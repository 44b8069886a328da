namespace Platform.GrainInterfaces;

/// <summary>
/// Counts gathered for one variant (by its index in the definition) since the sender's last flush;
/// <see cref="Counts"/> is indexed by the grains' experiment metric (users, impressions, views, ...).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.VariantCounts")]
public sealed record VariantCounts(
    [property: Id(0)] int Variant,
    [property: Id(1)] long[] Counts);

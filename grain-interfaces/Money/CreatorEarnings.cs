namespace Platform.GrainInterfaces;

/// <summary>
/// A creator's earnings: <c>GrossCents = TipsCents + SalesCents</c> and <c>NetCents = GrossCents - PlatformFeeCents</c>.
/// <paramref name="Payments"/> counts the payments included, so the latest of two copies is the one with more.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.CreatorEarnings")]
public sealed record CreatorEarnings(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] long TipsCents,
    [property: Id(2)] long SalesCents,
    [property: Id(3)] long GrossCents,
    [property: Id(4)] long PlatformFeeCents,
    [property: Id(5)] long NetCents,
    [property: Id(6)] long Payments);

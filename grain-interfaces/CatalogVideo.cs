namespace Platform.GrainInterfaces;

/// <summary>
/// A video as the catalog indexes it: identity, embedding, engagement signals, title and tags (null in snapshots older
/// than them, until the video re-announces itself).
/// </summary>
/// <param name="Fingerprint">The media's perceptual hash, when registered with one (near-duplicate lookup).</param>
[GenerateSerializer, Immutable, Alias("Platform.CatalogVideo")]
public sealed record CatalogVideo(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] float[] Vector,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] VideoSignals Signals,
    [property: Id(5)] int PriceCents = 0,
    [property: Id(6)] string? Title = null,
    [property: Id(7)] string[]? Tags = null,
    [property: Id(8)] ulong? Fingerprint = null);

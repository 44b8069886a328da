namespace Platform.GrainInterfaces;

/// <summary>A video as the catalog indexes it: identity, embedding and engagement signals.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CatalogVideo")]
public sealed record CatalogVideo(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] float[] Vector,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] VideoSignals Signals)
{
    /// <summary>The title, for search (empty in snapshots written before search existed, until the video re-announces).</summary>
    [Id(5)] public string Title { get; init; } = "";

    /// <summary>The tags as registered, for search, tag pages and trending tags.</summary>
    [Id(6)] public string[] Tags { get; init; } = [];
}

namespace Platform.GrainInterfaces;

/// <summary>A ranked, de-duplicated feed page.</summary>
[GenerateSerializer, Immutable, Alias("Platform.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] string RequestId,
    [property: Id(1)] FeedItem[] Items);

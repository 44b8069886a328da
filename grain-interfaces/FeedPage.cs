namespace Platform.GrainInterfaces;

/// <summary>A ranked, de-duplicated feed page, and the running experiments' variants it was ranked under (by experiment id).</summary>
[GenerateSerializer, Immutable, Alias("Platform.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] string RequestId,
    [property: Id(1)] FeedItem[] Items,
    [property: Id(2)] Dictionary<string, string>? Experiments = null);

namespace Platform.GrainInterfaces;

/// <summary>One ranked video of a feed, with the reason it was served.</summary>
[GenerateSerializer, Immutable, Alias("Platform.FeedItem")]
public sealed record FeedItem(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] double Score,
    [property: Id(3)] CandidateSource Source,
    [property: Id(4)] FeedReason? Reason = null);

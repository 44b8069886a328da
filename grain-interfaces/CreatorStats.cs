namespace Platform.GrainInterfaces;

/// <summary>A creator's counters, summed over the creator's videos.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CreatorStats")]
public sealed record CreatorStats(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] long Followers,
    [property: Id(2)] int Videos,
    [property: Id(3)] long Views,
    [property: Id(4)] long Likes,
    [property: Id(5)] long Shares,
    [property: Id(6)] long Comments,
    [property: Id(7)] long WatchMsTotal,
    [property: Id(8)] TopVideo[] TopVideos);

namespace Platform.GrainInterfaces;

/// <summary>A user's counters.</summary>
[GenerateSerializer, Immutable, Alias("Platform.UserStats")]
public sealed record UserStats(
    [property: Id(0)] string UserId,
    [property: Id(1)] long Views,
    [property: Id(2)] long Likes,
    [property: Id(3)] long Shares,
    [property: Id(4)] int Following);

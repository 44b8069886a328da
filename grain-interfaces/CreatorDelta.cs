namespace Platform.GrainInterfaces;

/// <summary>Counter changes of one of the creator's videos.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CreatorDelta")]
public sealed record CreatorDelta(
    [property: Id(0)] string VideoId,
    [property: Id(1)] long Views,
    [property: Id(2)] long Likes,
    [property: Id(3)] long Shares,
    [property: Id(4)] long Comments,
    [property: Id(5)] long WatchMs);

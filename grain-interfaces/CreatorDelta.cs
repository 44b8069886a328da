namespace Platform.GrainInterfaces;

/// <summary>
/// Counter changes of one of the creator's videos, from that video's durable outbox. The creator
/// applies each at most once: <paramref name="Sequence"/> grows by one per delta of a video.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.CreatorDelta")]
public sealed record CreatorDelta(
    [property: Id(0)] string VideoId,
    [property: Id(1)] long Views,
    [property: Id(2)] long Likes,
    [property: Id(3)] long Shares,
    [property: Id(4)] long Comments,
    [property: Id(5)] long WatchMs,
    [property: Id(6)] long Sequence = 0);

namespace Platform.GrainInterfaces;

/// <summary>
/// Counter changes of one of the creator's videos, from that video's durable outbox. The creator
/// applies each at most once: <paramref name="Sequence"/> grows by one per delta of a video.
/// <paramref name="Buckets"/> spreads the change over the minutes of the events (and carries skips, which
/// the creator counts only in its series); <paramref name="FirstHourViews"/> is the part of
/// <paramref name="Views"/> within the video's first hour.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.CreatorDelta")]
public sealed record CreatorDelta(
    [property: Id(0)] string VideoId,
    [property: Id(1)] long Views,
    [property: Id(2)] long Likes,
    [property: Id(3)] long Shares,
    [property: Id(4)] long Comments,
    [property: Id(5)] long WatchMs,
    [property: Id(6)] long Sequence = 0,
    [property: Id(7)] SeriesBucket[]? Buckets = null,
    [property: Id(8)] long FirstHourViews = 0);

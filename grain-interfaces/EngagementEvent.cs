namespace Platform.GrainInterfaces;

/// <summary>One validated engagement event, as the gateway hands it to the user's grain.</summary>
/// <param name="EventId">Client-chosen id; a second event with the same id for the same user is a duplicate.</param>
/// <param name="Type">What happened.</param>
/// <param name="VideoId">The video, for every type but follow and unfollow.</param>
/// <param name="CreatorId">The creator, for follow and unfollow.</param>
/// <param name="WatchMs">Watch time of a view, in milliseconds.</param>
/// <param name="At">When it happened (server time when the client gave none).</param>
[GenerateSerializer, Immutable, Alias("Platform.EngagementEvent")]
public sealed record EngagementEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] EngagementType Type,
    [property: Id(2)] string? VideoId,
    [property: Id(3)] string? CreatorId,
    [property: Id(4)] long WatchMs,
    [property: Id(5)] DateTimeOffset At);

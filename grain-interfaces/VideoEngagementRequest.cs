namespace Platform.GrainInterfaces;

/// <summary>A user's accepted events on one video, in order, with the user's taste vector (long-term plus short-term) the video learns from.</summary>
[GenerateSerializer, Immutable, Alias("Platform.VideoEngagementRequest")]
public sealed record VideoEngagementRequest(
    [property: Id(0)] string UserId,
    [property: Id(1)] float[] UserVector,
    [property: Id(2)] EngagementEvent[] Events);

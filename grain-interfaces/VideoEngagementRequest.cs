namespace Platform.GrainInterfaces;

/// <summary>
/// A user's accepted events on one video, in order, with the user's embedding they learn from: one
/// entry of the user's durable outbox. The video applies it at most once, by (user, sequence).
/// </summary>
/// <param name="UserId">The sending user.</param>
/// <param name="UserVector">The user's taste vector (long-term plus short-term) before the batch, which the video learns from.</param>
/// <param name="Events">The events that change something (a repeated like does not), in order.</param>
/// <param name="Sequence">The user's outbox sequence number: increasing, unique per user.</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoEngagementRequest")]
public sealed record VideoEngagementRequest(
    [property: Id(0)] string UserId,
    [property: Id(1)] float[] UserVector,
    [property: Id(2)] EngagementEvent[] Events,
    [property: Id(3)] long Sequence);

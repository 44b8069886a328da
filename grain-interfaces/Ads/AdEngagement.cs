namespace Platform.GrainInterfaces;

/// <summary>A click or conversion on an ad a campaign served to a user.</summary>
/// <param name="EventId">The event's id: the campaign counts each once.</param>
/// <param name="UserId">The user the ad was served to.</param>
/// <param name="Type"><see cref="EngagementType.Click"/> or <see cref="EngagementType.Conversion"/>.</param>
[GenerateSerializer, Immutable, Alias("Platform.AdEngagement")]
public sealed record AdEngagement(
    [property: Id(0)] string EventId,
    [property: Id(1)] string UserId,
    [property: Id(2)] EngagementType Type);

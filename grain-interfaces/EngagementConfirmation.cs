namespace Platform.GrainInterfaces;

/// <summary>
/// A user has durably recorded that its requests to a video up to <paramref name="Sequence"/> were
/// applied and will never send them again: the video may forget them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.EngagementConfirmation")]
public sealed record EngagementConfirmation(
    [property: Id(0)] string UserId,
    [property: Id(1)] long Sequence);

namespace Platform.GrainInterfaces;

/// <summary>A published video of a followed creator, as the following feed lists it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.FollowedVideo")]
public sealed record FollowedVideo(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset RegisteredAt);

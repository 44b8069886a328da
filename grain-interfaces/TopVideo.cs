namespace Platform.GrainInterfaces;

/// <summary>One of a creator's most viewed videos.</summary>
[GenerateSerializer, Immutable, Alias("Platform.TopVideo")]
public sealed record TopVideo(
    [property: Id(0)] string VideoId,
    [property: Id(1)] long Views,
    [property: Id(2)] long Likes);

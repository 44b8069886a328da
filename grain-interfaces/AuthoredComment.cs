namespace Platform.GrainInterfaces;

/// <summary>Where one of a user's comments lives.</summary>
[GenerateSerializer, Immutable, Alias("Platform.AuthoredComment")]
public sealed record AuthoredComment(
    [property: Id(0)] string CommentId,
    [property: Id(1)] string VideoId,
    [property: Id(2)] long Sequence);

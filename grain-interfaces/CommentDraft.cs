namespace Platform.GrainInterfaces;

/// <summary>A validated comment to post.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CommentDraft")]
public sealed record CommentDraft(
    [property: Id(0)] string CommentId,
    [property: Id(1)] string VideoId,
    [property: Id(2)] string UserId,
    [property: Id(3)] string Text,
    [property: Id(4)] string? ParentId);

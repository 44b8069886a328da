namespace Platform.GrainInterfaces;

/// <summary>The outcome of posting a comment, with the comment when it exists.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CommentPostResult")]
public sealed record CommentPostResult(
    [property: Id(0)] CommentPostStatus Status,
    [property: Id(1)] Comment? Comment);

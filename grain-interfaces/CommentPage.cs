namespace Platform.GrainInterfaces;

/// <summary>A page of a video's visible comments, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CommentPage")]
public sealed record CommentPage(
    [property: Id(0)] Comment[] Items);

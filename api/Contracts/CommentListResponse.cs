namespace Platform.Api.Contracts;

/// <summary>A page of a video's comments, newest first; <see cref="Before"/> is the cursor of the next page, when there may be one.</summary>
public sealed record CommentListResponse(string VideoId, CommentItem[] Items, string? Before);

namespace Platform.Api.Contracts;

/// <summary>The answer to hiding a comment.</summary>
public sealed record HideResponse(string CommentId, string VideoId, bool Hidden);

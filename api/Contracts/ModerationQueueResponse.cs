namespace Platform.Api.Contracts;

/// <summary>The moderation queue, oldest first.</summary>
public sealed record ModerationQueueResponse(ModerationQueueEntry[] Items);

namespace Platform.Grains.Content;

/// <summary>A stored comment whose follow-up (claim confirmation, author index, count) is not yet known done.</summary>
[GenerateSerializer, Immutable, Alias("Platform.PendingComment")]
public sealed record PendingComment(
    [property: Id(0)] string CommentId,
    [property: Id(1)] string UserId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] DateTimeOffset At);

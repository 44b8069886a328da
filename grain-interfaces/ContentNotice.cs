namespace Platform.GrainInterfaces;

/// <summary>
/// Something a creator should hear of about one of their videos, pushed on the live stream as a
/// <c>content</c> event: a state change (<see cref="State"/>) or a new comment (<see cref="CommentId"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ContentNotice")]
public sealed record ContentNotice(
    [property: Id(0)] string Kind,
    [property: Id(1)] string VideoId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] PublicationState? State = null,
    [property: Id(4)] ReviewReason? Reason = null,
    [property: Id(5)] string? CommentId = null,
    [property: Id(6)] string? Text = null)
{
    public const string StateChanged = "stateChanged";
    public const string Commented = "comment";
}

namespace Platform.GrainInterfaces;

/// <summary>The video's answer to <see cref="VideoEngagementRequest"/>.</summary>
/// <param name="Applied">False when the video is unknown or taken down; nothing was applied then.</param>
/// <param name="RejectReason">Why the events were not applied.</param>
/// <param name="CreatorId">The video's creator.</param>
/// <param name="VideoVector">The video's embedding before these events, for the user's own update.</param>
/// <param name="DurationMs">The video's duration.</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoEngagementResult")]
public sealed record VideoEngagementResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] string? RejectReason,
    [property: Id(2)] string CreatorId,
    [property: Id(3)] float[] VideoVector,
    [property: Id(4)] int DurationMs)
{
    public static VideoEngagementResult Rejected(string reason) => new(false, reason, "", [], 0);
}

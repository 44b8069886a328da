namespace Platform.GrainInterfaces;

/// <summary>What a user's grain needs from a video before it accepts events on it.</summary>
/// <param name="RejectReason">Why events on the video are not accepted (unknown, taken down); null when they are.</param>
/// <param name="CreatorId">The video's creator.</param>
/// <param name="VideoVector">The video's current embedding, for the user's own update.</param>
/// <param name="DurationMs">The video's duration.</param>
/// <param name="PriceCents">The video's price; above 0, only its buyers' views are accepted.</param>
/// <param name="Title">The video's title, which feed reasons name.</param>
/// <param name="Tags">The video's tags (the user's ad interests come from the tags of what it engaged with).</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoEngagementContext")]
public sealed record VideoEngagementContext(
    [property: Id(0)] string? RejectReason,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] float[] VideoVector,
    [property: Id(3)] int DurationMs,
    [property: Id(4)] int PriceCents = 0,
    [property: Id(5)] string Title = "",
    [property: Id(6)] string[]? Tags = null)
{
    public bool Accepts => RejectReason is null;

    public static VideoEngagementContext Rejected(string reason) => new(reason, "", [], 0);
}

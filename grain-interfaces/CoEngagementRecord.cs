namespace Platform.GrainInterfaces;

/// <summary>
/// One engagement for co-engagement: the video and the user's recent videos before it, most recent first. A shard that
/// keeps only the edges pointing at some of the recent videos gets just those, with <see cref="Ranks"/>: each one's
/// place in the user's list (which sets its pair's weight); without ranks, the places are 0, 1, 2, ...
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.CoEngagementRecord")]
public sealed record CoEngagementRecord(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string[] RecentVideos,
    [property: Id(2)] int[]? Ranks = null);

namespace Platform.GrainInterfaces;

/// <summary>One engagement for co-engagement: the video and the user's recent videos before it, most recent first.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CoEngagementRecord")]
public sealed record CoEngagementRecord(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string[] RecentVideos);

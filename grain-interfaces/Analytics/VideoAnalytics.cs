namespace Platform.GrainInterfaces;

/// <summary>
/// A video's audience analytics: how often it was served and how it was watched.
/// </summary>
/// <param name="VideoId">The video.</param>
/// <param name="Impressions">Times the video was served in a feed page.</param>
/// <param name="Views">Views counted.</param>
/// <param name="Skips">Skips counted.</param>
/// <param name="Completions">Views watched to completion.</param>
/// <param name="WatchFractionPermille">Sum over views of the share of the duration watched (capped at 1), in thousandths.</param>
/// <param name="Retention">Element i: views that watched at least i tenths of the duration (11 elements).</param>
/// <param name="ImpressionsBySource">Impressions by candidate source, by the source's number.</param>
/// <param name="FirstHourViews">Views whose time fell within the first hour after registration.</param>
/// <param name="CreatorId">The creator, for the comparison with the creator's other videos.</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoAnalytics")]
public sealed record VideoAnalytics(
    [property: Id(0)] string VideoId,
    [property: Id(1)] long Impressions,
    [property: Id(2)] long Views,
    [property: Id(3)] long Skips,
    [property: Id(4)] long Completions,
    [property: Id(5)] long WatchFractionPermille,
    [property: Id(6)] long[] Retention,
    [property: Id(7)] long[] ImpressionsBySource,
    [property: Id(8)] long FirstHourViews,
    [property: Id(9)] string CreatorId);

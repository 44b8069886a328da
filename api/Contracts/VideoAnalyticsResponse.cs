namespace Platform.Api.Contracts;

/// <summary>
/// A video's audience analytics. <c>Retention[i]</c> is the share of views that watched at least i tenths of the
/// duration (element 0 is 1, none rises); <c>SkipRate</c> is skips / (views + skips); impressions count the times the
/// video was served in a feed page, <c>ImpressionsBySource</c> by the candidate source that brought it.
/// <c>CreatorMedianFirstHourViews</c> is the median first hour of the creator's videos, to compare with <c>FirstHourViews</c>.
/// </summary>
public sealed record VideoAnalyticsResponse(
    string VideoId,
    string CreatorId,
    long Impressions,
    long Views,
    long Skips,
    double SkipRate,
    double CompletionRate,
    double AverageWatchFraction,
    double[] Retention,
    Dictionary<string, long> ImpressionsBySource,
    long FirstHourViews,
    long CreatorMedianFirstHourViews);

using Platform.GrainInterfaces;
using Platform.Grains.Analytics;

namespace Platform.Grains.Videos;

/// <summary>The video's analytics (grains/Analytics): series, impressions and how its views were watched.</summary>
public sealed partial class VideoGrain
{
    private VideoAnalyticsRecorder? _analytics;

    /// <summary>Records events into the analytics; null when analytics is off.</summary>
    private VideoAnalyticsRecorder? Analytics => analyticsOptions.Value.Enabled
        ? _analytics ??= new VideoAnalyticsRecorder(this.GetPrimaryKeyString(), history.InTables, analyticsOptions.Value.HistoryFlushInterval)
        : null;

    public async Task<SeriesPoint[]?> GetSeriesAsync(SeriesQuery query) => S.Info is null
        ? null
        : await SeriesReader.ReadAsync(history, "v:" + S.Info.VideoId, S.Analytics.Series, S.Analytics.Pending, query, time.GetUtcNow());

    public Task<VideoAnalytics?> GetAnalyticsAsync()
    {
        if (S.Info is not { } info)
        {
            return Task.FromResult<VideoAnalytics?>(null);
        }

        var a = S.Analytics;
        long impressions = 0;
        foreach (var count in a.Impressions)
        {
            impressions += count;
        }

        return Task.FromResult<VideoAnalytics?>(new VideoAnalytics(
            info.VideoId, impressions, S.Views, S.Skips, S.Completions, a.WatchFractionPermille, a.RetentionCounts(),
            (long[])a.Impressions.Clone(), a.FirstHourViews, info.CreatorId));
    }

    public Task RecordImpressionsAsync(SourceImpressions[] impressions)
    {
        if (S.Info is null || Analytics is null)
        {
            return Task.CompletedTask;
        }

        foreach (var impression in impressions)
        {
            S.Analytics.AddImpressions(impression.Source, impression.Count);
        }

        // Soft counts: they ride along with the next write (or the one on deactivation), never one of their own.
        _stateDirty = true;
        return Task.CompletedTask;
    }
}

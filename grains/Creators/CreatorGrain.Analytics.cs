using Platform.GrainInterfaces;
using Platform.Grains.Analytics;

namespace Platform.Grains.Creators;

/// <summary>The creator's series (grains/Analytics) and the median first hour of its videos.</summary>
public sealed partial class CreatorGrain
{
    private CreatorAnalyticsRecorder? _analytics;

    /// <summary>Records into the series; null when analytics is off.</summary>
    private CreatorAnalyticsRecorder? Analytics => analyticsOptions.Value.Enabled
        ? _analytics ??= new CreatorAnalyticsRecorder(this.GetPrimaryKeyString(), history.InTables, analyticsOptions.Value.HistoryFlushInterval)
        : null;

    public Task<SeriesPoint[]> GetSeriesAsync(SeriesQuery query) =>
        SeriesReader.ReadAsync(history, "c:" + this.GetPrimaryKeyString(), S.Analytics.Series, S.Analytics.Pending, query, time.GetUtcNow());

    public Task<long> GetMedianFirstHourViewsAsync()
    {
        if (S.Videos.Count == 0)
        {
            return Task.FromResult(0L);
        }

        var values = new long[S.Videos.Count];
        var i = 0;
        foreach (var totals in S.Videos.Values)
        {
            values[i++] = totals.FirstHourViews;
        }

        Array.Sort(values);
        var middle = values.Length / 2;
        return Task.FromResult(values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2);
    }
}

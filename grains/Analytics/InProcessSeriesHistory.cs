using System.Collections.Concurrent;
using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>
/// The history table of the single-node memory mode, beside the in-process grain storage
/// (<see cref="Storage.InProcessGrainStorage"/>), which adds a write's rows in the same synchronous step as it stores the
/// state, so the rows grow exactly when the counters do — as PostgreSQL's <c>platform_series</c> does in the write's
/// transaction. Each series is bounded rings (<see cref="EngagementSeries"/>), so a video's stored state stays small and
/// a state write costs the buckets it touched, not the whole history. Lives as long as the process, like that storage.
/// </summary>
public sealed class InProcessSeriesHistory : ISeriesHistory
{
    private readonly ConcurrentDictionary<string, EngagementSeries> _series = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public InProcessSeriesHistory(TimeProvider time) => _time = time;

    public bool InTables => true;

    /// <summary>Adds the rows of one successful state write.</summary>
    public void Apply(SeriesRow[] rows)
    {
        var nowMinute = SeriesResolutions.MinuteOf(_time.GetUtcNow());
        foreach (var row in rows)
        {
            var series = _series.GetOrAdd(row.Series, static _ => EngagementSeries.For(CreatorAnalyticsState.Metrics));
            var ring = series.Ring(row.Resolution);
            var oldest = SeriesResolutions.OldestKept(row.Resolution, nowMinute);
            lock (series)
            {
                for (var m = 0; m < row.Values.Length && m < ring.Metrics; m++)
                {
                    if (row.Values[m] != 0)
                    {
                        ring.Add(row.Bucket, m, row.Values[m], oldest);
                    }
                }
            }
        }
    }

    public Task<IReadOnlyList<(long Bucket, long Value)>> ReadAsync(string series, SeriesResolution resolution, SeriesMetric metric, long first, long end)
    {
        if (!_series.TryGetValue(series, out var stored) || end <= first)
        {
            return Task.FromResult<IReadOnlyList<(long Bucket, long Value)>>([]);
        }

        var values = new long[end - first];
        lock (stored)
        {
            stored.Ring(resolution).Fill(first, (int)metric, values);
        }

        var points = new List<(long, long)>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                points.Add((first + i, values[i]));
            }
        }

        return Task.FromResult<IReadOnlyList<(long Bucket, long Value)>>(points);
    }
}

using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>Answers a series query from where the series lives (<see cref="ISeriesHistory"/>).</summary>
public static class SeriesReader
{
    /// <summary>
    /// Every bucket of the window: from the rings in state, or from the history table plus what awaits the
    /// next write (which the grain's counters already show).
    /// </summary>
    public static async Task<SeriesPoint[]> ReadAsync(
        ISeriesHistory history, string series, EngagementSeries inState, PendingSeries? pending, SeriesQuery query, DateTimeOffset now)
    {
        if (!history.InTables)
        {
            return inState.Query(query, now);
        }

        var (first, end) = SeriesResolutions.Window(query, now);
        if (end == first)
        {
            return [];
        }

        var values = new long[end - first];
        pending?.Increments.Ring(query.Resolution).Fill(first, (int)query.Metric, values);
        foreach (var (bucket, value) in await history.ReadAsync(series, query.Resolution, query.Metric, first, end))
        {
            if (bucket >= first && bucket < end)
            {
                values[bucket - first] += value;
            }
        }

        return SeriesPoints.Dense(query.Resolution, first, values);
    }
}

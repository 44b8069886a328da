using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>
/// The time series of one video or creator at every resolution: one <see cref="SeriesRing"/> each, fed
/// together, so the minute, hour and day buckets of one window always add up to the same total.
/// </summary>
[GenerateSerializer, Alias("Platform.EngagementSeries")]
public sealed class EngagementSeries
{
    [Id(0)] public SeriesRing Minutes { get; set; } = new();
    [Id(1)] public SeriesRing Hours { get; set; } = new();
    [Id(2)] public SeriesRing Days { get; set; } = new();

    /// <summary>Creates empty series of <paramref name="metrics"/> values per bucket.</summary>
    public static EngagementSeries For(int metrics) => new()
    {
        Minutes = SeriesRing.For(metrics),
        Hours = SeriesRing.For(metrics),
        Days = SeriesRing.For(metrics),
    };

    /// <summary>True when no resolution holds a bucket.</summary>
    public bool IsEmpty => Minutes.Count == 0 && Hours.Count == 0 && Days.Count == 0;

    /// <summary>The ring of <paramref name="resolution"/>.</summary>
    public SeriesRing Ring(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Minute => Minutes,
        SeriesResolution.Hour => Hours,
        SeriesResolution.Day => Days,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution)),
    };

    /// <summary>
    /// Adds <paramref name="delta"/> to <paramref name="metric"/> in the buckets holding <paramref name="minute"/>,
    /// at each resolution that still keeps that time when the newest minute is <paramref name="nowMinute"/>.
    /// </summary>
    public void Add(long minute, SeriesMetric metric, long delta, long nowMinute)
    {
        if (delta == 0)
        {
            return;
        }

        var m = (int)metric;
        Minutes.Add(minute, m, delta, SeriesResolutions.OldestKept(SeriesResolution.Minute, nowMinute));
        Hours.Add(SeriesResolutions.BucketOfMinute(SeriesResolution.Hour, minute), m, delta, SeriesResolutions.OldestKept(SeriesResolution.Hour, nowMinute));
        Days.Add(SeriesResolutions.BucketOfMinute(SeriesResolution.Day, minute), m, delta, SeriesResolutions.OldestKept(SeriesResolution.Day, nowMinute));
    }

    /// <summary>Every bucket of the query's window, zeros included, as of <paramref name="now"/>.</summary>
    public SeriesPoint[] Query(SeriesQuery query, DateTimeOffset now)
    {
        var (first, end) = SeriesResolutions.Window(query, now);
        var values = new long[end - first];
        Ring(query.Resolution).Fill(first, (int)query.Metric, values);
        return SeriesPoints.Dense(query.Resolution, first, values);
    }

    /// <summary>Forgets every bucket.</summary>
    public void Clear()
    {
        Minutes.Clear();
        Hours.Clear();
        Days.Clear();
    }
}

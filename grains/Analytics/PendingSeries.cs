namespace Platform.Grains.Analytics;

/// <summary>
/// Increments of one series gathered for the history table since they were last handed to it (PostgreSQL mode, and
/// the in-process history of the single-node default). Part of the stored state: increments not yet in the table
/// are durable with the counters they come from, and a reader adds them to what the table holds, so handing them
/// over less often changes nothing a reader sees. They go with a state write once <see cref="FlushInterval"/> has
/// passed since the last hand-over (or the minute buckets pile up), so a busy series writes a history row per
/// bucket every interval instead of on every write.
/// </summary>
[GenerateSerializer, Alias("Platform.PendingSeries")]
public sealed class PendingSeries
{
    /// <summary>Minute buckets (events of many different minutes, e.g. an app's backlog) past which they go at once.</summary>
    private const int MaxMinuteBuckets = 64;

    /// <summary>Never handed over (in this activation), so the first write hands over whatever waits.</summary>
    private const long NeverTaken = long.MinValue / 2;

    /// <summary>Environment.TickCount64 of the last hand-over in this activation.</summary>
    [NonSerialized]
    private long _lastTakenMs = NeverTaken;

    [NonSerialized]
    private TimeSpan _flushInterval;

    public PendingSeries()
    {
    }

    public PendingSeries(string series, int metrics)
    {
        Series = series;
        Increments = EngagementSeries.For(metrics);
    }

    /// <summary>The series these increments belong to (<c>v:</c> or <c>c:</c> and the id).</summary>
    [Id(0)] public string Series { get; set; } = "";

    /// <summary>The increments, bucketed like the stored series.</summary>
    [Id(1)] public EngagementSeries Increments { get; set; } = new();

    /// <summary>How long increments may wait for a later write; set by each activation (zero until then: every write).</summary>
    public TimeSpan FlushInterval
    {
        get => _flushInterval;
        set => _flushInterval = value;
    }

    /// <summary>Makes whatever waits due at the next write (a deactivating grain's last one); false when nothing waits.</summary>
    public bool DueWithNextWrite()
    {
        if (Increments.IsEmpty)
        {
            return false;
        }

        FlushInterval = TimeSpan.Zero;
        return true;
    }

    /// <summary>The rows for the increments if they are due (see the type); clears what it returns.</summary>
    public SeriesRow[] TakeDue() =>
        Increments.IsEmpty || (Environment.TickCount64 - _lastTakenMs < FlushInterval.TotalMilliseconds && Increments.Minutes.Count < MaxMinuteBuckets)
            ? []
            : Take();

    /// <summary>The rows for the increments gathered so far; clears them.</summary>
    public SeriesRow[] Take()
    {
        _lastTakenMs = Environment.TickCount64;
        if (Increments.IsEmpty)
        {
            return [];
        }

        var rows = new List<SeriesRow>();
        foreach (var resolution in SeriesResolutions.All)
        {
            var ring = Increments.Ring(resolution);
            for (var i = 0; i < ring.Count; i++)
            {
                rows.Add(new SeriesRow(Series, resolution, ring.Buckets[i], ring.Values.AsSpan(i * ring.Metrics, ring.Metrics).ToArray()));
            }
        }

        Increments.Clear();
        return [.. rows];
    }
}

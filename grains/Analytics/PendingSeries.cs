namespace Platform.Grains.Analytics;

/// <summary>
/// Increments of one series gathered for the history table since the state's last write (PostgreSQL
/// mode). In memory only: never part of the stored state.
/// </summary>
public sealed class PendingSeries(string series, int metrics)
{
    /// <summary>The increments, bucketed like the stored series.</summary>
    public EngagementSeries Increments { get; } = EngagementSeries.For(metrics);

    /// <summary>The rows for the increments gathered so far; clears them.</summary>
    public SeriesRow[] Take()
    {
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
                rows.Add(new SeriesRow(series, resolution, ring.Buckets[i], ring.Values.AsSpan(i * ring.Metrics, ring.Metrics).ToArray()));
            }
        }

        Increments.Clear();
        return [.. rows];
    }
}

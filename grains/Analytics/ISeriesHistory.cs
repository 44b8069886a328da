using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>
/// Where history lives. In memory mode (<see cref="InStateSeriesHistory"/>) the series are ring buffers in the
/// grain states; in PostgreSQL mode (silo/Storage/PostgresSeriesHistory) they live in the history table, and a
/// grain keeps only the increments awaiting its next write.
/// </summary>
public interface ISeriesHistory
{
    /// <summary>True when series live in the history table rather than in grain state.</summary>
    bool InTables { get; }

    /// <summary>The stored buckets of [<paramref name="first"/>, <paramref name="end"/>) of one metric of a series.</summary>
    Task<IReadOnlyList<(long Bucket, long Value)>> ReadAsync(string series, SeriesResolution resolution, SeriesMetric metric, long first, long end);
}

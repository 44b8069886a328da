using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>Memory mode: the series are the ring buffers in grain state, and there is no table to read.</summary>
public sealed class InStateSeriesHistory : ISeriesHistory
{
    public bool InTables => false;

    public Task<IReadOnlyList<(long Bucket, long Value)>> ReadAsync(string series, SeriesResolution resolution, SeriesMetric metric, long first, long end) =>
        Task.FromResult<IReadOnlyList<(long Bucket, long Value)>>([]);
}

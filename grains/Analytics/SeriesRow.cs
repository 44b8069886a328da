using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>
/// What one state write adds to one bucket of a series in the history table: written in the same
/// transaction as the state whose counters it comes from.
/// </summary>
/// <param name="Series">The series: <c>v:</c> and a video id, or <c>c:</c> and a creator id.</param>
/// <param name="Resolution">The bucket's resolution.</param>
/// <param name="Bucket">The bucket's number (see <see cref="SeriesResolutions"/>).</param>
/// <param name="Values">The increments, one per <see cref="SeriesMetric"/> by its number (trailing ones may be absent: zero).</param>
public sealed record SeriesRow(string Series, SeriesResolution Resolution, long Bucket, long[] Values);

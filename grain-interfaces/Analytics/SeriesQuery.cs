namespace Platform.GrainInterfaces;

/// <summary>A window of one metric at one resolution: the buckets that start in [<paramref name="From"/>, <paramref name="To"/>).</summary>
[GenerateSerializer, Immutable, Alias("Platform.SeriesQuery")]
public sealed record SeriesQuery(
    [property: Id(0)] SeriesMetric Metric,
    [property: Id(1)] SeriesResolution Resolution,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To);

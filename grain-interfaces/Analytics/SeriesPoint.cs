namespace Platform.GrainInterfaces;

/// <summary>One bucket of a time series: the bucket's start and what happened in it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.SeriesPoint")]
public sealed record SeriesPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long Value);

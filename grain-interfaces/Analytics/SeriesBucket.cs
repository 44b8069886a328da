namespace Platform.GrainInterfaces;

/// <summary>
/// What one minute added to a video's counters, carried to its creator inside a <see cref="CreatorDelta"/>
/// so the creator's series are bucketed by the events' own times.
/// </summary>
/// <param name="Minute">Minutes since the Unix epoch of the bucket.</param>
/// <param name="Values">One value per <see cref="SeriesMetric"/>, by its number (views, likes, shares, comments, skips, watch ms).</param>
[GenerateSerializer, Immutable, Alias("Platform.SeriesBucket")]
public sealed record SeriesBucket(
    [property: Id(0)] long Minute,
    [property: Id(1)] long[] Values);

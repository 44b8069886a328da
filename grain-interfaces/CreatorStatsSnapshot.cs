namespace Platform.GrainInterfaces;

/// <summary>
/// A creator's counters as of <paramref name="TakenAt"/>, the creator grain's clock. Observers keep
/// the latest by <paramref name="TakenAt"/>, since one-way messages may arrive out of order.
/// <paramref name="Earnings"/> (for the creator's own studio, not the public stats) once the grain knows them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.CreatorStatsSnapshot")]
public sealed record CreatorStatsSnapshot(
    [property: Id(0)] CreatorStats Stats,
    [property: Id(1)] DateTimeOffset TakenAt,
    [property: Id(2)] CreatorEarnings? Earnings = null);

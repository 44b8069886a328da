namespace Platform.GrainInterfaces;

/// <summary>What a silo spent of one lease so far (cumulative, in thousandths of a cent).</summary>
/// <param name="LeaseId">The lease.</param>
/// <param name="SpentMillicents">Everything spent on it so far; never more than its amount.</param>
[GenerateSerializer, Immutable, Alias("Platform.LeaseSpend")]
public sealed record LeaseSpend(
    [property: Id(0)] long LeaseId,
    [property: Id(1)] long SpentMillicents);

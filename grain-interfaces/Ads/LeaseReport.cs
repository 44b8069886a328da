namespace Platform.GrainInterfaces;

/// <summary>The answer to a silo's spend report: the campaign's totals, and whether the lease is still open.</summary>
[GenerateSerializer, Immutable, Alias("Platform.LeaseReport")]
public sealed record LeaseReport(
    [property: Id(0)] CampaignStanding Standing,
    [property: Id(1)] bool LeaseOpen);

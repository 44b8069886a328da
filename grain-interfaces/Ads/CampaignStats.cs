namespace Platform.GrainInterfaces;

/// <summary>A campaign's definition and totals, for the admin stats route.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CampaignStats")]
public sealed record CampaignStats(
    [property: Id(0)] CampaignDefinition Definition,
    [property: Id(1)] CampaignStanding Standing);

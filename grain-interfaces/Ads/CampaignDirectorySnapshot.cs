namespace Platform.GrainInterfaces;

/// <summary>The running campaigns at one version of the directory.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CampaignDirectorySnapshot")]
public sealed record CampaignDirectorySnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] CampaignListing[] Campaigns);

using Platform.GrainInterfaces;

namespace Platform.Grains.Ads;

/// <summary>The campaign directory's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CampaignDirectoryState")]
public sealed class CampaignDirectoryState
{
    /// <summary>Running campaigns by id.</summary>
    [Id(0)] public Dictionary<string, CampaignListing> Campaigns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bumped by every change, so readers fetch the list only when it changed.</summary>
    [Id(1)] public long Version { get; set; }
}

using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Ads;

/// <summary>A campaign's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CampaignState")]
public sealed class CampaignState
{
    /// <summary>The body it was created with; null until created.</summary>
    [Id(0)] public CampaignDefinition? Definition { get; set; }

    /// <summary>The ad video's creator, read when the campaign was created.</summary>
    [Id(1)] public string CreatorId { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Spend of settled slices (returned, or taken back after their expiry), in thousandths of a cent.</summary>
    [Id(3)] public long SettledMillicents { get; set; }

    /// <summary>Open slices.</summary>
    [Id(4)] public List<CampaignLeaseRecord> Leases { get; set; } = [];

    [Id(5)] public long LastLeaseId { get; set; }

    [Id(6)] public long Clicks { get; set; }

    [Id(7)] public long Conversions { get; set; }

    /// <summary>Ids of recently counted click and conversion events, so a retried event counts once.</summary>
    [Id(8)] public RecentIds EngagementIds { get; set; } = new();

    /// <summary>Pacing: budget (thousandths of a cent) that may still be leased in the current stretch of time.</summary>
    [Id(9)] public double PacedAllowance { get; set; }

    /// <summary>Pacing: when <see cref="PacedAllowance"/> was last brought up to date.</summary>
    [Id(10)] public DateTimeOffset PacedAt { get; set; }

    /// <summary>Taken off the campaign directory (spent, or past its end).</summary>
    [Id(11)] public bool Delisted { get; set; }
}

namespace Platform.Grains.Ads;

/// <summary>A budget slice a campaign handed to a silo and has not settled yet (persistent: a reactivated campaign must know it).</summary>
[GenerateSerializer, Alias("Platform.CampaignLeaseRecord")]
public sealed class CampaignLeaseRecord
{
    [Id(0)] public long LeaseId { get; set; }

    /// <summary>The silo that holds it (diagnostics).</summary>
    [Id(1)] public string Silo { get; set; } = "";

    /// <summary>Budget reserved for it, in thousandths of a cent.</summary>
    [Id(2)] public long AmountMillicents { get; set; }

    /// <summary>When the silo must stop spending it.</summary>
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>What the silo reported spent of it so far; what the campaign keeps when the silo never returns it.</summary>
    [Id(4)] public long ReportedMillicents { get; set; }
}

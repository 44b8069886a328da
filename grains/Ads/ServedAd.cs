namespace Platform.Grains.Ads;

/// <summary>An ad served to a user, remembered so a later click or conversion on its video counts for its campaign.</summary>
[GenerateSerializer, Alias("Platform.ServedAd")]
public sealed class ServedAd
{
    [Id(0)] public string VideoId { get; set; } = "";

    [Id(1)] public string CampaignId { get; set; } = "";

    [Id(2)] public DateTimeOffset At { get; set; }

    /// <summary>A click on this impression was counted (one per impression).</summary>
    [Id(3)] public bool Clicked { get; set; }

    /// <summary>A conversion on this impression was counted (one per impression).</summary>
    [Id(4)] public bool Converted { get; set; }
}

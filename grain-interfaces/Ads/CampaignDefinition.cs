namespace Platform.GrainInterfaces;

/// <summary>What an advertiser buys: a published video shown as an ad until the budget is spent (or the end time).</summary>
/// <param name="CampaignId">The campaign's id (the campaign grain's key).</param>
/// <param name="AdvertiserId">Who pays.</param>
/// <param name="VideoId">The ad video: a registered, published video.</param>
/// <param name="BudgetCents">The most the campaign ever spends, in cents.</param>
/// <param name="BidCpmCents">Price of 1,000 impressions, in cents: one impression costs this many thousandths of a cent.</param>
/// <param name="TargetTags">Tags of which a user's engagement must show one; empty for every user.</param>
/// <param name="EndsAt">When the campaign stops; spend is paced evenly until then. Null: no end, no pacing.</param>
[GenerateSerializer, Immutable, Alias("Platform.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string AdvertiserId,
    [property: Id(2)] string VideoId,
    [property: Id(3)] long BudgetCents,
    [property: Id(4)] long BidCpmCents,
    [property: Id(5)] string[] TargetTags,
    [property: Id(6)] DateTimeOffset? EndsAt)
{
    /// <summary>The same campaign as another body: every field equal, the tags as a set.</summary>
    public bool SameAs(CampaignDefinition other) =>
        CampaignId == other.CampaignId
        && AdvertiserId == other.AdvertiserId
        && VideoId == other.VideoId
        && BudgetCents == other.BudgetCents
        && BidCpmCents == other.BidCpmCents
        && EndsAt == other.EndsAt
        && TargetTags.Length == other.TargetTags.Length
        && TargetTags.All(t => other.TargetTags.Contains(t, StringComparer.Ordinal));
}

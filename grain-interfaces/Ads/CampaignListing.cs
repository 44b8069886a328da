namespace Platform.GrainInterfaces;

/// <summary>A running campaign as every silo's ad service sees it: what it needs to choose and place the ad.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="AdvertiserId">Who pays (named in the ad's reason).</param>
/// <param name="VideoId">The ad video.</param>
/// <param name="CreatorId">The ad video's creator.</param>
/// <param name="BidCpmCents">Price of 1,000 impressions, in cents.</param>
/// <param name="TargetTags">Tags a user's engagement must show one of; empty for everyone.</param>
/// <param name="EndsAt">When the campaign stops, if it does.</param>
[GenerateSerializer, Immutable, Alias("Platform.CampaignListing")]
public sealed record CampaignListing(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string AdvertiserId,
    [property: Id(2)] string VideoId,
    [property: Id(3)] string CreatorId,
    [property: Id(4)] long BidCpmCents,
    [property: Id(5)] string[] TargetTags,
    [property: Id(6)] DateTimeOffset? EndsAt);

using System.Text.Json.Serialization;

namespace Platform.GrainInterfaces;

/// <summary>
/// One ranked video of a feed, with the reason it was served; a paid video carries its price, and <c>Locked</c>
/// for a user who has not bought it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.FeedItem")]
public sealed record FeedItem(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] double Score,
    [property: Id(3)] CandidateSource Source,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PriceCents = null,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Locked = null,
    [property: Id(6)] FeedReason? Reason = null,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CampaignId = null);

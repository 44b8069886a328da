using System.Text.Json.Serialization;

namespace Platform.GrainInterfaces;

/// <summary>
/// Why a feed item was served, true to what the user did: a reference (video, creator or tag) only ever names
/// something the user engaged with, and <see cref="Text"/> is a short sentence a person can read.
/// </summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Text">A short readable sentence, e.g. "Because you liked Knife skills".</param>
/// <param name="VideoId">For <see cref="FeedReasonKind.SimilarTo"/>: the user's video the item is near.</param>
/// <param name="CreatorId">For <see cref="FeedReasonKind.Creator"/>: the creator the user follows or engaged with.</param>
/// <param name="Tag">For <see cref="FeedReasonKind.Tag"/>: the tag.</param>
[GenerateSerializer, Immutable, Alias("Platform.FeedReason")]
public sealed record FeedReason(
    [property: Id(0)] FeedReasonKind Kind,
    [property: Id(1)] string Text,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VideoId = null,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CreatorId = null,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag = null)
{
    /// <summary>True for the kinds that say something about the user (what they did or like).</summary>
    [JsonIgnore]
    public bool IsPersonal => Kind is FeedReasonKind.SimilarTo or FeedReasonKind.Creator or FeedReasonKind.Taste or FeedReasonKind.Tag;
}

using System.Text.Json.Serialization;

namespace Platform.GrainInterfaces;

/// <summary>A registered video's metadata.</summary>
[GenerateSerializer, Immutable, Alias("Platform.VideoInfo")]
public sealed record VideoInfo(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string Title,
    [property: Id(3)] string[] Tags,
    [property: Id(4)] int DurationMs,
    [property: Id(5)] PublicationState State,
    [property: Id(6)] DateTimeOffset RegisteredAt,
    [property: Id(7)] int PriceCents = 0,
    [property: Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VideoReview? Review = null,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fingerprint = null)
{
    /// <summary>The one flag feeds, search and tag pages check: only published videos are served.</summary>
    [JsonIgnore]
    public bool IsPublished => State == PublicationState.Published;
}

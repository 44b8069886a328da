namespace Platform.GrainInterfaces;

/// <summary>A published video found by search or listed on a tag page.</summary>
/// <param name="VideoId">The video.</param>
/// <param name="CreatorId">Its creator.</param>
/// <param name="Title">Its title.</param>
/// <param name="Tags">Its tags as registered.</param>
/// <param name="Score">
/// Search: text relevance times the engagement boost. Tag pages: the video's trending velocity (decayed weighted engagement).
/// </param>
/// <param name="RegisteredAt">When it was registered (the tie-break: newer first).</param>
[GenerateSerializer, Immutable, Alias("Platform.SearchHit")]
public sealed record SearchHit(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string Title,
    [property: Id(3)] string[] Tags,
    [property: Id(4)] double Score,
    [property: Id(5)] DateTimeOffset RegisteredAt);

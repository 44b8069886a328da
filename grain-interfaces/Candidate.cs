namespace Platform.GrainInterfaces;

/// <summary>A video a catalog shard proposes for a feed, with what the ranker needs to score it.</summary>
/// <param name="Video">The video, its embedding and signals.</param>
/// <param name="Source">The source that proposed it.</param>
/// <param name="Trending">The video's engagement velocity (decayed weighted engagement).</param>
/// <param name="CoEngagement">Co-engagement of the video with the user's recent videos (0 when none).</param>
/// <param name="Impressions">Times the video was served in a feed page, platform-wide, as its shard counted them.</param>
/// <param name="Anchor">The user's recent video that contributed most to <paramref name="CoEngagement"/> (null when none).</param>
[GenerateSerializer, Immutable, Alias("Platform.Candidate")]
public sealed record Candidate(
    [property: Id(0)] CatalogVideo Video,
    [property: Id(1)] CandidateSource Source,
    [property: Id(2)] double Trending,
    [property: Id(3)] double CoEngagement = 0,
    [property: Id(4)] long Impressions = 0,
    [property: Id(5)] string? Anchor = null);

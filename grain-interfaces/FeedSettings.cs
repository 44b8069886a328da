namespace Platform.GrainInterfaces;

/// <summary>
/// The settings one feed request is ranked with: the platform's defaults (<c>Platform:Feed</c>), or an
/// experiment variant's overrides. Immutable, so a request can carry its own without touching anyone else's.
/// </summary>
/// <param name="Sources">The candidate sources used; candidates from any other source are left out.</param>
/// <param name="ExploreShare">Share of a page reserved for exploring new videos (0 turns it off).</param>
/// <param name="DiversityPenalty">MMR penalty weight on similarity to videos already on the page.</param>
/// <param name="MaxPerCreator">Videos of one creator on a page before others are preferred (a page is never shortened for it).</param>
[GenerateSerializer, Immutable, Alias("Platform.FeedSettings")]
public sealed record FeedSettings(
    [property: Id(0)] CandidateSource[] Sources,
    [property: Id(1)] double ExploreShare,
    [property: Id(2)] float DiversityPenalty,
    [property: Id(3)] int MaxPerCreator)
{
    /// <summary>Every organic candidate source.</summary>
    public static readonly CandidateSource[] AllSources =
    [
        CandidateSource.Personalized, CandidateSource.CoEngagement, CandidateSource.Trending,
        CandidateSource.Fresh, CandidateSource.Following, CandidateSource.Explore,
    ];

    /// <summary>True when candidates of <paramref name="source"/> may be served.</summary>
    public bool Uses(CandidateSource source) => Array.IndexOf(Sources, source) >= 0;
}

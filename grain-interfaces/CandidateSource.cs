namespace Platform.GrainInterfaces;

/// <summary>Where a feed item came from. The wire names are the lower-case member names.</summary>
public enum CandidateSource
{
    Personalized,
    Trending,
    Fresh,
    Following,
    Explore,
}

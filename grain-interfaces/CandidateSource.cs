namespace Platform.GrainInterfaces;

/// <summary>Where a feed item came from. The wire names are the camelCase member names.</summary>
public enum CandidateSource
{
    Personalized,
    Trending,
    Fresh,
    Following,
    Explore,

    /// <summary>A co-engagement neighbour of the user's recent videos ("coEngagement" on the wire).</summary>
    CoEngagement,

    /// <summary>A paid ad slot ("ad" on the wire); the item names its campaign.</summary>
    Ad,
}

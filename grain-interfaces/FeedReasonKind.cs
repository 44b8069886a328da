namespace Platform.GrainInterfaces;

/// <summary>Why a feed item was served (shared/API.md "Feed"). The wire names are the camelCase member names.</summary>
public enum FeedReasonKind
{
    /// <summary>Near a video the user viewed, liked, shared or commented on (names it).</summary>
    SimilarTo,

    /// <summary>By a creator the user follows or engaged with (names the creator).</summary>
    Creator,

    /// <summary>Matches the user's learned interests.</summary>
    Taste,

    /// <summary>Carries a tag the user engages with (names the tag).</summary>
    Tag,

    /// <summary>Popular right now.</summary>
    Trending,

    /// <summary>Recently uploaded.</summary>
    Fresh,

    /// <summary>A new video finding its audience.</summary>
    Explore,

    /// <summary>A paid placement.</summary>
    Ad,
}

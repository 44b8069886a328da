namespace Platform.Grains.Options;

/// <summary>How feeds are gathered and ranked. Section <c>Platform:Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Platform:Feed";

    /// <summary>Most recent viewed videos a user remembers and never gets again. Default 2000.</summary>
    public int ViewedHistory { get; set; } = 2000;

    /// <summary>Most recent served videos a user does not get again. Default 500.</summary>
    public int ServedHistory { get; set; } = 500;

    /// <summary>Most recent event ids a user remembers to drop duplicates. Default 4096.</summary>
    public int EventIdHistory { get; set; } = 4096;

    /// <summary>Most liked videos a user remembers for like/unlike. Default 5000.</summary>
    public int LikedHistory { get; set; } = 5000;

    /// <summary>Most creators a user can follow. Default 5000.</summary>
    public int MaxFollowing { get; set; } = 5000;

    /// <summary>Followed creators asked for new videos per feed (the most recently followed). Default 50.</summary>
    public int FollowedCreatorsPerFeed { get; set; } = 50;

    /// <summary>
    /// Videos of one creator on a feed page before every other creator's are preferred; past it a creator's
    /// videos fill the page only when nothing else is left (a page is never shortened). Default 3.
    /// </summary>
    public int MaxPerCreator { get; set; } = 3;

    /// <summary>Penalty weight on similarity to videos already on the page (MMR). Default 0.3.</summary>
    public float DiversityPenalty { get; set; } = 0.3f;

    /// <summary>
    /// Videos served in fewer feed pages than this (impressions, platform-wide) are new: the catalog shards
    /// propose them for exploration, fewest impressions first. Default 100.
    /// </summary>
    public int ExploreMaxImpressions { get; set; } = 100;

    /// <summary>
    /// Share of each feed page reserved for exploration of new videos (at least one slot on pages of two
    /// or more items; 0 turns reserved slots off). Default 0.1.
    /// </summary>
    public double ExploreShare { get; set; } = 0.1;

    /// <summary>
    /// Seed of the random draws of feed ranking (exploration samples) and of the catalog shards (exploration
    /// order): each user and shard draws from a generator seeded by this and its key, so a run is repeatable.
    /// Unset (the default): unseeded.
    /// </summary>
    public int? RandomSeed { get; set; }
}

namespace Platform.Grains.Options;

/// <summary>Search, tag pages and trending tags over the catalog shards. Section <c>Platform:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Platform:Search";

    /// <summary>
    /// How stale a shard's search reader may be: a query finding the index changed since a reader older than this
    /// opens a new near-real-time reader first, so a registered video is searchable within this long (the contract
    /// asks for 2 s). Removals are filtered at once whatever the reader's age. Default 500 ms.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The most engagement can add to a match's text relevance, as a fraction: a search score is relevance times
    /// (1 + EngagementWeight * e), with e in [0, 1) rising with the video's engagement, so engagement orders matches
    /// of similar relevance and never lifts a weak match over a much better one. Default 0.25.
    /// </summary>
    public double EngagementWeight { get; set; } = 0.25;

    /// <summary>
    /// The weighted engagement (all-time views, likes and shares with their trending weights, 1, 3 and 5) at which e
    /// reaches one half; e grows with its logarithm.
    /// Default 100.
    /// </summary>
    public double EngagementHalfPoint { get; set; } = 100;

    /// <summary>
    /// Tags each shard proposes for trending tags, as a multiple of the tags asked for (at least 50): the merge sums
    /// the shards' proposals, then asks every shard for the exact figures of the winners. Default 4.
    /// </summary>
    public int TrendingTagOverfetch { get; set; } = 4;
}

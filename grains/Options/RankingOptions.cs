namespace Platform.Grains.Options;

/// <summary>
/// How candidates are scored: the hand-set blend (the fallback when no learned model is loaded),
/// co-engagement, and the learned model's file. Section <c>Platform:Ranking</c>. The offline
/// evaluator runs these same defaults.
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "Platform:Ranking";

    /// <summary>Blend weight of long-term embedding affinity (user · video). Default 0.02.</summary>
    public float AffinityWeight { get; set; } = 0.02f;

    /// <summary>Blend weight of short-term interest (cosine of the interest vector with the video). Default 0.2.</summary>
    public float InterestWeight { get; set; } = 0.2f;

    /// <summary>Blend weight of co-engagement with the user's recent videos (log-scaled). Default 1.</summary>
    public float CoEngagementWeight { get; set; } = 1f;

    /// <summary>
    /// Blend weight of the popularity prior (log of all-time views). Default 0.005.
    /// </summary>
    /// <remarks>
    /// The video-wide signals (popularity, like, completion and skip rates, trending, freshness) and the
    /// long-term affinity are one tenth of what they were (issue 12): they order the candidates the
    /// user's own signals (co-engagement, interest, creators) leave tied instead of outweighing them, and,
    /// scaled together, they still order a new user's feed exactly as before. See docs/quality.md.
    /// </remarks>
    public float PopularityWeight { get; set; } = 0.005f;

    /// <summary>Blend weight of the smoothed like rate. Default 0.05.</summary>
    public float LikeRateWeight { get; set; } = 0.05f;

    /// <summary>Blend weight of the smoothed completion rate. Default 0.05.</summary>
    public float CompletionRateWeight { get; set; } = 0.05f;

    /// <summary>Blend weight (a penalty) of the skip rate. Default 0.1.</summary>
    public float SkipRateWeight { get; set; } = 0.1f;

    /// <summary>Blend weight of trending velocity (log-scaled). Default 0.005.</summary>
    public float TrendingWeight { get; set; } = 0.005f;

    /// <summary>Blend weight of freshness (exp(-age / 24 h)). Default 0.01.</summary>
    public float FreshnessWeight { get; set; } = 0.01f;

    /// <summary>Blend weight of creator affinity (followed creator, recent engagement with the creator). Default 1.</summary>
    public float CreatorAffinityWeight { get; set; } = 1f;

    /// <summary>
    /// Share of a video's duration a view must reach to count as co-engagement (likes, shares and
    /// comments always count). Default 0.5.
    /// </summary>
    public float CoEngagementMinWatch { get; set; } = 0.5f;

    /// <summary>How many of the user's most recent videos a new engagement is paired with. Default 20.</summary>
    public int CoEngagementWindow { get; set; } = 20;

    /// <summary>How many of the user's most recent videos anchor co-engagement at feed time. Default 20.</summary>
    public int CoEngagementAnchors { get; set; } = 20;

    /// <summary>Per-step decay of an anchor's weight by its recency rank (1 = no decay). Default 0.8.</summary>
    public float CoEngagementDecay { get; set; } = 0.8f;

    /// <summary>
    /// Half-life of a co-engagement edge: a pair recorded this long ago counts half as much as one recorded
    /// now, so the neighbourhoods follow what people watch together lately while a steady relation keeps
    /// being renewed. Fading changes no stored byte (weights are kept relative to a moving origin). Zero:
    /// edges never fade. Default 30 days.
    /// </summary>
    public TimeSpan CoEngagementHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most neighbours kept per video (the weakest is forgotten first). Default 200.</summary>
    public int MaxNeighbours { get; set; } = 200;

    /// <summary>
    /// Most co-engagement edges one catalog shard keeps (each shard keeps the edges pointing at its own
    /// videos). Past this (plus an eighth, so evictions are batched) the shard forgets the anchor videos
    /// least recently engaged with, with all their edges. Bounds the shard's memory and the size of its
    /// snapshot whatever the catalog size: about 100 bytes per edge in memory and as much in storage.
    /// Default 50,000.
    /// </summary>
    public int MaxCoEngagementEdges { get; set; } = 50_000;

    /// <summary>
    /// File of the learned ranking model (written by tools/Platform.RankerTraining). Loaded at start and
    /// again whenever the file changes; the blend above is used while no valid model is loaded. Default unset.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>How often the silo checks <see cref="ModelPath"/> for a replaced model. Default 2 s.</summary>
    public TimeSpan ModelReloadInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// File the silo appends ranking examples to (features of served items and whether they were engaged),
    /// for training. Unset: nothing is logged. Default unset.
    /// </summary>
    public string? FeatureLogPath { get; set; }
}

namespace Platform.Grains.Experiments;

/// <summary>
/// What an experiment counts per variant; the values index <see cref="VariantCounts"/> and
/// <see cref="VariantTotals"/>. The last four are the per-user sums the like rate's variance needs
/// (<see cref="ExperimentStatistics.RatioVariance"/>): append new metrics, never reorder.
/// </summary>
public enum ExperimentMetric
{
    Users,
    Impressions,
    Views,
    Completions,
    Likes,
    Shares,
    Skips,
    Comments,

    /// <summary>Users' activation-long runs of impressions: the clusters the variance is computed over.</summary>
    Clusters,

    /// <summary>Sum over clusters of likes squared.</summary>
    LikesSquared,

    /// <summary>Sum over clusters of impressions squared.</summary>
    ImpressionsSquared,

    /// <summary>Sum over clusters of likes times impressions.</summary>
    LikesTimesImpressions,
}

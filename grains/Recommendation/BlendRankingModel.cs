using Platform.Grains.Options;

namespace Platform.Grains.Recommendation;

/// <summary>The hand-set linear blend of <see cref="RankingFeatures"/>: the fallback when no learned model is loaded.</summary>
public sealed class BlendRankingModel(RankingOptions options) : IRankingModel
{
    public string Name => "blend";

    public float Score(ReadOnlySpan<float> f)
    {
        var score = options.AffinityWeight * f[RankingFeatures.Affinity]
            + options.InterestWeight * f[RankingFeatures.Interest]
            + options.CoEngagementWeight * f[RankingFeatures.CoEngagement]
            + options.PopularityWeight * f[RankingFeatures.Popularity]
            + options.LikeRateWeight * f[RankingFeatures.LikeRate]
            + options.CompletionRateWeight * f[RankingFeatures.CompletionRate]
            - options.SkipRateWeight * f[RankingFeatures.SkipRate]
            + options.TrendingWeight * f[RankingFeatures.Trending]
            + options.FreshnessWeight * f[RankingFeatures.Freshness]
            + options.CreatorAffinityWeight * f[RankingFeatures.CreatorAffinity];
        return float.IsFinite(score) ? score : 0f;
    }
}

using Platform.GrainInterfaces;
using Platform.Grains.Engagement;
using Platform.Grains.Options;

namespace Platform.Grains.Search;

/// <summary>
/// How much engagement lifts a search match: <c>1 + weight * e</c> with <c>e = L / (L + ln(1 + halfPoint))</c> and
/// <c>L = ln(1 + the video's all-time views, likes and shares weighted as trending weighs them)</c> (1, 3 and 5, from
/// <see cref="EngagementRules"/>), so e is 0 without engagement, one half at the half point, and below 1 always:
/// relevance comes first, engagement orders matches of similar relevance.
/// </summary>
internal static class EngagementBoost
{
    private static readonly double ViewWeight = EngagementRules.For(EngagementType.View).TrendingWeight;
    private static readonly double LikeWeight = EngagementRules.For(EngagementType.Like).TrendingWeight;
    private static readonly double ShareWeight = EngagementRules.For(EngagementType.Share).TrendingWeight;

    public static double Of(VideoSignals signals, SearchOptions options)
    {
        var weighted = Math.Max(0, (signals.Views * ViewWeight) + (signals.Likes * LikeWeight) + (signals.Shares * ShareWeight));
        var level = Math.Log(1 + weighted);
        var e = level / (level + Math.Log(1 + options.EngagementHalfPoint));
        return 1 + options.EngagementWeight * e;
    }

    /// <summary>The largest boost any video can get.</summary>
    public static double Max(SearchOptions options) => 1 + options.EngagementWeight;
}

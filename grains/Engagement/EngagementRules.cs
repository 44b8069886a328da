using Platform.GrainInterfaces;

namespace Platform.Grains.Engagement;

/// <summary>
/// The one home of every engagement type's rules. Adding a type: a member of
/// <see cref="EngagementType"/> and one entry here.
/// </summary>
public static class EngagementRules
{
    private static readonly EngagementRule[] Rules = Build(
    [
        new EngagementRule
        {
            Type = EngagementType.View,
            Views = 1,
            CountsWatchTime = true,
            MarksViewed = true,
            TrendingWeight = 1,

            // A view watched to the end is a strong yes; one abandoned early is a mild no (served feeds get a
            // view event for everything shown, so a short watch is the scroll-past signal).
            LearningTarget = static (watchMs, durationMs) => durationMs <= 0
                ? 0.3f
                : -0.4f + 1.2f * Math.Clamp((float)watchMs / durationMs, 0f, 1f),
            CoEngagement = CoEngagementSignal.WatchedEnough,
            ShowsInterest = static (watchMs, durationMs) => watchMs * 2 >= durationMs,
            Label = TrainingLabel.Viewed,
            CompletionPercent = 90,
        },
        new EngagementRule
        {
            Type = EngagementType.Like,
            Likes = 1,
            LikeState = true,
            TrendingWeight = 3,
            LearningTarget = static (_, _) => 1f,
            CoEngagement = CoEngagementSignal.Always,
            ShowsInterest = static (_, _) => true,
            Label = TrainingLabel.Engaged,
        },
        new EngagementRule
        {
            Type = EngagementType.Unlike,
            Likes = -1,
            LikeState = false,
            LearningTarget = static (_, _) => -0.3f,
        },
        new EngagementRule
        {
            Type = EngagementType.Share,
            Shares = 1,
            TrendingWeight = 5,
            LearningTarget = static (_, _) => 1f,
            CoEngagement = CoEngagementSignal.Always,
            ShowsInterest = static (_, _) => true,
            Label = TrainingLabel.Engaged,
        },
        new EngagementRule
        {
            Type = EngagementType.Comment,
            Comments = 1,
            TrendingWeight = 3,
            LearningTarget = static (_, _) => 0.7f,
            CoEngagement = CoEngagementSignal.Always,
            ShowsInterest = static (_, _) => true,
        },
        new EngagementRule
        {
            Type = EngagementType.Skip,
            Skips = 1,
            MarksViewed = true,
            LearningTarget = static (_, _) => -0.6f,
            Label = TrainingLabel.NotEngaged,
        },
        new EngagementRule { Type = EngagementType.Follow, FollowChange = 1 },
        new EngagementRule { Type = EngagementType.Unfollow, FollowChange = -1 },
        new EngagementRule { Type = EngagementType.Click, OnAd = true },
        new EngagementRule { Type = EngagementType.Conversion, OnAd = true },
    ]);

    /// <summary>The rules of <paramref name="type"/>.</summary>
    public static EngagementRule For(EngagementType type) => Rules[(int)type];

    private static EngagementRule[] Build(EngagementRule[] rules)
    {
        var types = Enum.GetValues<EngagementType>();
        var table = new EngagementRule[types.Max(static t => (int)t) + 1];
        foreach (var rule in rules)
        {
            table[(int)rule.Type] = rule;
        }

        foreach (var type in types)
        {
            if (table[(int)type] is null)
            {
                throw new InvalidOperationException($"Engagement type {type} has no rules in {nameof(EngagementRules)}.");
            }
        }

        return table;
    }
}

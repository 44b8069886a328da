using Platform.GrainInterfaces;

namespace Platform.Grains.Engagement;

/// <summary>
/// Everything the platform does with one engagement type: the counters it moves on the user, the
/// video and the creator, what the embeddings learn from it, how much it weighs in trending, whether
/// it is co-engagement, how it labels a served feed item, and what makes a view a completion. Every
/// grain and the offline evaluator read these rules from <see cref="EngagementRules"/>, so a new type
/// is one entry there.
/// </summary>
public sealed record EngagementRule
{
    /// <summary>The type these rules are for.</summary>
    public required EngagementType Type { get; init; }

    /// <summary>Change to the view counters (user, video, creator) per event.</summary>
    public int Views { get; init; }

    /// <summary>Change to the like counters per event; only events that change the like state count (see <see cref="LikeState"/>).</summary>
    public int Likes { get; init; }

    /// <summary>Change to the share counters per event.</summary>
    public int Shares { get; init; }

    /// <summary>Change to the comment counters per event.</summary>
    public int Comments { get; init; }

    /// <summary>Change to the video's skip counter per event.</summary>
    public int Skips { get; init; }

    /// <summary>True when the event's watch time adds to the watch-time counters.</summary>
    public bool CountsWatchTime { get; init; }

    /// <summary>True when the video is never served to the user again after this event.</summary>
    public bool MarksViewed { get; init; }

    /// <summary>
    /// The like state the event leaves: true (like), false (unlike) or null (unchanged). An event that
    /// would leave the state as it is is accepted but changes nothing.
    /// </summary>
    public bool? LikeState { get; init; }

    /// <summary>+1 (follow) or -1 (unfollow) for an event on a creator instead of a video; 0 otherwise.</summary>
    public int FollowChange { get; init; }

    /// <summary>How much the event adds to a video's recent engagement, the trending signal.</summary>
    public double TrendingWeight { get; init; }

    /// <summary>
    /// The engagement strength the event expresses in [-1, 1] from (watch ms, video duration ms), or
    /// null when it says nothing about taste in the video.
    /// </summary>
    public Func<long, int, float?> LearningTarget { get; init; } = static (_, _) => null;

    /// <summary>When the event says the user wanted the video, for co-engagement edges.</summary>
    public CoEngagementSignal CoEngagement { get; init; }

    /// <summary>The label the event puts on a served item's features in the ranking example log.</summary>
    public TrainingLabel Label { get; init; }

    /// <summary>
    /// The share of the video's duration, in percent, that a watch must reach to count as a
    /// completion; null when the type never completes a video.
    /// </summary>
    public int? CompletionPercent { get; init; }

    /// <summary>
    /// True for an event on an ad (click, conversion): it counts for the campaign that served the video to the user
    /// (grains/Ads), not for the video.
    /// </summary>
    public bool OnAd { get; init; }

    /// <summary>
    /// Whether an event of (watch ms, video duration ms) shows interest in the video's tags, which ad targeting
    /// matches against (grains/Ads/UserAdState).
    /// </summary>
    public Func<long, int, bool> ShowsInterest { get; init; } = static (_, _) => false;

    /// <summary>True for an event on a creator (follow, unfollow) rather than a video.</summary>
    public bool OnCreator => FollowChange != 0;

    /// <summary>True when an event of this type watched <paramref name="watchMs"/> of a video of <paramref name="durationMs"/> completes it.</summary>
    public bool Completes(long watchMs, int durationMs) =>
        CompletionPercent is { } percent && watchMs * 100 >= (long)durationMs * percent;

    /// <summary>True when the event is co-engagement; <paramref name="minWatch"/> is the share of a view that counts.</summary>
    public bool IsCoEngagement(long watchMs, int durationMs, float minWatch) => CoEngagement switch
    {
        CoEngagementSignal.Always => true,
        CoEngagementSignal.WatchedEnough => durationMs > 0 && watchMs >= minWatch * durationMs,
        _ => false,
    };
}

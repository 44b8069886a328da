namespace Platform.Grains.Engagement;

/// <summary>When an engagement type counts as the user wanting the video, for co-engagement.</summary>
public enum CoEngagementSignal
{
    /// <summary>Never (skips, unlikes, follows).</summary>
    Never,

    /// <summary>Always (likes, shares, comments).</summary>
    Always,

    /// <summary>When at least the configured share of the video was watched (views).</summary>
    WatchedEnough,
}

using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Explains a picked candidate to the user, naming only what they did: the video of theirs that
/// co-engagement tied it to, a creator they follow or watched, their learned taste; otherwise why the
/// platform proposed it (trending, fresh, exploring a new video). A user with no history gets only the
/// non-personal kinds.
/// </summary>
public static class FeedReasons
{
    public static readonly FeedReason Trending = new(FeedReasonKind.Trending, "Trending now");
    public static readonly FeedReason Fresh = new(FeedReasonKind.Fresh, "Just uploaded");
    public static readonly FeedReason Explore = new(FeedReasonKind.Explore, "Something new to try");
    public static readonly FeedReason Taste = new(FeedReasonKind.Taste, "Matches your interests");

    /// <summary>The reason for serving <paramref name="candidate"/> to a user with <paramref name="history"/>.</summary>
    public static FeedReason For(Candidate candidate, UserFeedHistory? history)
    {
        if (history is { IsEmpty: false })
        {
            if (candidate.Anchor is { } anchor
                && history.Engaged.TryGetValue(anchor, out var engaged)
                && engaged.Verb is { } verb)
            {
                var title = engaged.Title.Length > 0 ? engaged.Title : anchor;
                return new FeedReason(FeedReasonKind.SimilarTo, $"Because you {verb} {title}", VideoId: anchor);
            }

            var creator = candidate.Video.CreatorId;
            if (history.Followed.Contains(creator))
            {
                return new FeedReason(FeedReasonKind.Creator, $"Because you follow {creator}", CreatorId: creator);
            }

            if (history.EngagedCreators.Contains(creator))
            {
                return new FeedReason(FeedReasonKind.Creator, $"More from {creator}, whom you watched", CreatorId: creator);
            }

            if (history.HasTaste && candidate.Source is CandidateSource.Personalized or CandidateSource.CoEngagement)
            {
                return Taste;
            }
        }

        return candidate.Source switch
        {
            CandidateSource.Trending => Trending,
            CandidateSource.Fresh => Fresh,
            _ => Explore,
        };
    }
}

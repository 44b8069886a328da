using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Users;

/// <summary>
/// What a user's consent allows (shared/API.md "Identity and privacy"). With personalization off, a feed is built
/// only from non-personal sources, ranked without the user's vectors or engagement history (followed creators
/// stay: the user chose them), and the user's events count but train nothing about the user.
/// </summary>
internal static class UserConsent
{
    private static readonly Dictionary<string, float> NoAffinity = new(StringComparer.Ordinal);

    /// <summary>True unless the user turned personalization off.</summary>
    public static bool Personalized(UserState state) => state.Settings?.Personalization ?? true;

    /// <summary>Sources that use nothing the user did, only what the user chose (following) or the platform's own signals.</summary>
    public static bool IsNonPersonal(CandidateSource source) =>
        source is CandidateSource.Trending or CandidateSource.Fresh or CandidateSource.Explore or CandidateSource.Following;

    /// <summary>The query without the user's vectors and engagement anchors, so shards propose nothing personal.</summary>
    public static CandidateQuery NonPersonal(CandidateQuery query) => query with
    {
        UserVector = new float[query.UserVector.Length],
        InterestVector = new float[query.InterestVector.Length],
        RecentVideos = [],
    };

    /// <summary>Keeps the candidates of non-personal sources.</summary>
    public static List<Candidate> NonPersonal(List<Candidate> candidates)
    {
        candidates.RemoveAll(c => !IsNonPersonal(c.Source));
        return candidates;
    }

    /// <summary>What a reason may name without personalization: the followed creators, nothing the user did.</summary>
    public static UserFeedHistory FollowedHistory(string[] followed) =>
        followed.Length == 0
            ? UserFeedHistory.None
            : new UserFeedHistory(new Dictionary<string, EngagedVideo>(), new HashSet<string>(followed, StringComparer.Ordinal), new HashSet<string>(), false);

    /// <summary>Creator affinity from followed creators only (1 each): no engagement history.</summary>
    public static Dictionary<string, float> FollowedOnly(IEnumerable<string> followed)
    {
        Dictionary<string, float>? affinity = null;
        foreach (var creator in followed)
        {
            (affinity ??= new(StringComparer.Ordinal))[creator] = 1f;
        }

        return affinity ?? NoAffinity;
    }
}

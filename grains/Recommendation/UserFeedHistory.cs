namespace Platform.Grains.Recommendation;

/// <summary>
/// What a user did that a feed reason may name: the videos they engaged with (and how), the creators they
/// follow and the creators of videos they engaged with, and whether they have a learned taste at all.
/// Empty for a new user, who therefore never gets a personal reason.
/// </summary>
public sealed class UserFeedHistory(
    IReadOnlyDictionary<string, EngagedVideo> engaged,
    IReadOnlySet<string> followed,
    IReadOnlySet<string> engagedCreators,
    bool hasTaste)
{
    public static readonly UserFeedHistory None = new(
        new Dictionary<string, EngagedVideo>(), new HashSet<string>(), new HashSet<string>(), false);

    /// <summary>Videos the user engaged with, by id.</summary>
    public IReadOnlyDictionary<string, EngagedVideo> Engaged => engaged;

    /// <summary>Creators the user follows.</summary>
    public IReadOnlySet<string> Followed => followed;

    /// <summary>Creators of videos the user engaged with.</summary>
    public IReadOnlySet<string> EngagedCreators => engagedCreators;

    /// <summary>True once the user's engagement has given them a learned taste.</summary>
    public bool HasTaste => hasTaste;

    /// <summary>True when the user has done nothing a reason could name.</summary>
    public bool IsEmpty => !hasTaste && engaged.Count == 0 && followed.Count == 0 && engagedCreators.Count == 0;
}

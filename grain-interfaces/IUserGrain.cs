namespace Platform.GrainInterfaces;

/// <summary>A user: counters, embeddings, history and the feed. Keyed by user id.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Applies the user's events in order; returns one outcome per event, in the same order.</summary>
    Task<EventOutcome[]> ApplyEventsAsync(EngagementEvent[] events);

    /// <summary>Gathers, scores and returns up to <paramref name="count"/> new videos for the user.</summary>
    Task<FeedPage> GetFeedAsync(int count);

    /// <summary>The newest published videos of the creators the user follows, not yet viewed, newest first.</summary>
    Task<FollowedVideo[]> GetFollowingFeedAsync(int count);

    /// <summary>The user's counters.</summary>
    Task<UserStats> GetStatsAsync();

    /// <summary>The user's privacy settings.</summary>
    Task<UserSettings> GetSettingsAsync();

    /// <summary>Stores the user's privacy settings (durably); they apply from the next event and feed.</summary>
    Task<UserSettings> SetSettingsAsync(UserSettings settings);

    /// <summary>Everything the grain holds about the user.</summary>
    Task<UserDataExport> ExportAsync();

    /// <summary>What ads hold about the user (interest tags, frequency caps, recent ads served), for the export.</summary>
    Task<UserAdExport> ExportAdsAsync();

    /// <summary>
    /// Delivers what the user's accepted events owe videos and creators (so their totals keep them), then removes
    /// the user's state from memory and storage. Idempotent; the next call for this id starts a new, empty user.
    /// </summary>
    Task EraseAsync();
}

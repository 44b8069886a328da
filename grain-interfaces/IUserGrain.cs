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
}

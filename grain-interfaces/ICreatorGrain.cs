using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>A creator: counters summed over the creator's videos, and followers. Keyed by creator id.</summary>
public interface ICreatorGrain : IGrainWithStringKey
{
    /// <summary>Adds a newly registered video to the creator's list.</summary>
    Task AddVideoAsync(string videoId);

    /// <summary>
    /// Adds counter changes of the creator's videos, each at most once (by video and sequence), in
    /// order per video. Returns once they are durable.
    /// </summary>
    Task ApplyDeltasAsync(CreatorDelta[] deltas);

    /// <summary>
    /// Applies users' follower changes, each at most once (by user and sequence), in order per user.
    /// Returns once they are durable.
    /// </summary>
    Task ApplyFollowChangesAsync(FollowChange[] changes);

    /// <summary>
    /// The user has durably recorded that changes up to <paramref name="sequence"/> were applied and
    /// will never send them again: the creator may forget them.
    /// </summary>
    [OneWay]
    Task ConfirmFollowChangesAsync(string userId, long sequence);

    /// <summary>
    /// A payment committed: the creator's earnings are now <paramref name="earnings"/> (kept if newer, by
    /// payment count) and go to the live stream. One-way: the payment is already final.
    /// </summary>
    [OneWay]
    Task ReportEarningsAsync(CreatorEarnings earnings);

    /// <summary>The creator's counters and top videos.</summary>
    Task<CreatorStats> GetStatsAsync();

    /// <summary>
    /// Registers <paramref name="observer"/> for coalesced change notifications, or renews its
    /// registration. A registration lapses unless renewed within a minute, so a gateway that
    /// vanishes leaves nothing behind. Returns the counters as of now.
    /// </summary>
    Task<CreatorStatsSnapshot> SubscribeAsync(ICreatorStatsObserver observer);

    /// <summary>Removes <paramref name="observer"/>'s registration, if any.</summary>
    Task UnsubscribeAsync(ICreatorStatsObserver observer);

    /// <summary>How many observers hold a live (unexpired) registration.</summary>
    Task<int> GetSubscriberCountAsync();

    /// <summary>
    /// Tells live observers about one of the creator's videos (a state change, a comment). One-way and best
    /// effort, like the counters: the notice is for the studio page, the durable record is elsewhere.
    /// </summary>
    [OneWay]
    Task NotifyContentAsync(ContentNotice notice);

    /// <summary>The buckets of one metric in a window, summed over the creator's videos (every bucket, zeros included).</summary>
    Task<SeriesPoint[]> GetSeriesAsync(SeriesQuery query);

    /// <summary>The median over the creator's videos of their first-hour views (0 without videos).</summary>
    Task<long> GetMedianFirstHourViewsAsync();
}

using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>A video: metadata, counters and embedding. Keyed by video id.</summary>
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>Registers the video; idempotent for the same creator.</summary>
    Task<RegistrationResult> RegisterAsync(VideoRegistration registration);

    /// <summary>The metadata, or null when the video was never registered.</summary>
    Task<VideoInfo?> GetInfoAsync();

    /// <summary>The counters, or null when the video was never registered.</summary>
    Task<VideoStats?> GetStatsAsync();

    /// <summary>Whether events on the video are accepted, and what a user learns from it.</summary>
    Task<VideoEngagementContext> GetEngagementContextAsync();

    /// <summary>
    /// Applies users' events on this video (counters, embedding, the creator's counters), each request
    /// at most once (by user and sequence), in order per user. Returns once the effects are durable.
    /// </summary>
    Task ApplyEngagementAsync(VideoEngagementRequest[] requests);

    /// <summary>
    /// <see cref="ApplyEngagementAsync"/> carrying, too, confirmations that waited on the sending silo for a call to
    /// this video (what <see cref="ConfirmEngagementAsync"/> does, without a call of its own).
    /// </summary>
    Task ConfirmAndApplyEngagementAsync(EngagementConfirmation[] confirmations, VideoEngagementRequest[] requests);

    /// <summary>Users have durably recorded that their requests were applied: the video may forget them.</summary>
    [OneWay]
    Task ConfirmEngagementAsync(EngagementConfirmation[] confirmations);

    /// <summary>Takes the video down: it leaves every feed at once. False when the video is unknown.</summary>
    Task<bool> TakeDownAsync();

    /// <summary>
    /// Moves the video to another state (approve, reject, restore, take down, or into review), writes the move to
    /// its audit log, and has it leave or enter every feed before returning.
    /// </summary>
    Task<TransitionResult> TransitionAsync(VideoTransition transition);

    /// <summary>Every state change of the video, oldest first; null when the video is unknown.</summary>
    Task<AuditEntry[]?> GetAuditAsync();

    /// <summary>The buckets of one metric in a window (every bucket, zeros included); null when the video is unknown.</summary>
    Task<SeriesPoint[]?> GetSeriesAsync(SeriesQuery query);

    /// <summary>Impressions, retention and the other audience analytics; null when the video is unknown.</summary>
    Task<VideoAnalytics?> GetAnalyticsAsync();

    /// <summary>
    /// Adds feed impressions counted on a silo since its last report. One-way: impressions are soft
    /// counts, batched per silo (grains/Analytics/VideoImpressionBatcher), and a lost report costs nothing but them.
    /// </summary>
    [OneWay]
    Task RecordImpressionsAsync(SourceImpressions[] impressions);
}

using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// One shard of the catalog of published videos, keyed by shard number. Videos are spread over the
/// shards by a stable hash of their id, so a feed asks a fixed number of shards, never every video.
/// </summary>
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a published video.</summary>
    Task UpsertAsync(CatalogVideo video);

    /// <summary>Updates a video's embedding and signals; ignored for videos not in the shard.</summary>
    Task ReportAsync(string videoId, float[] vector, VideoSignals signals);

    /// <summary>
    /// Updates the embedding and signals of several videos at once (a silo's reports of one interval);
    /// videos not in the shard are ignored. One-way: a lost report is repaired by the video's next one.
    /// </summary>
    [OneWay]
    Task ReportBatchAsync(VideoReport[] reports);

    /// <summary>Removes a video (taken down): it is never proposed again.</summary>
    Task RemoveAsync(string videoId);

    /// <summary>
    /// Strengthens co-engagement between each video and the user's recent videos; the shard keeps the
    /// edges that point at its own videos. One-way: a lost update only weakens a soft signal.
    /// </summary>
    [OneWay]
    Task RecordCoEngagementAsync(CoEngagementRecord[] records);

    /// <summary>
    /// The shard's <paramref name="count"/> videos with the most co-engagement pointing at them, most first: the
    /// candidates for the item-item model a silo refreshes.
    /// </summary>
    [ReadOnly]
    Task<ItemActivity[]> GetMostEngagedAsync(int count);

    /// <summary>The shard's co-engagement edges whose anchor and target are both in <paramref name="items"/>, by position in it.</summary>
    [ReadOnly]
    Task<ItemEdgeList> GetEdgesAmongAsync(string[] items);

    /// <summary>Proposes candidates from every source this shard serves.</summary>
    Task<Candidate[]> GetCandidatesAsync(CandidateQuery query);

    /// <summary>
    /// Counts feed impressions of this shard's videos (a silo's batch), which exploration orders new videos by.
    /// One-way: a lost batch only delays a soft signal.
    /// </summary>
    [OneWay]
    Task RecordImpressionsAsync(VideoImpressions[] impressions);

    /// <summary>
    /// The newest videos of the query's creators in this shard, newest first: up to <see cref="FollowingQuery.Count"/>
    /// outside the exclusion filter, plus those inside it met on the way (possible false positives, which the
    /// caller checks exactly).
    /// </summary>
    Task<FollowedVideo[]> GetFollowingAsync(FollowingQuery query);

    /// <summary>
    /// The shard's published video nearest to <paramref name="fingerprint"/> within <paramref name="maxDistance"/>
    /// bits (Hamming), of a creator other than <paramref name="creatorId"/>; null when there is none.
    /// </summary>
    Task<FingerprintMatch?> FindNearestAsync(ulong fingerprint, int maxDistance, string creatorId);
}

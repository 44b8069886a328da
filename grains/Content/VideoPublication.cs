using System.Globalization;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Content;

/// <summary>
/// Carries a video's state out of its grain: a published video is in its catalog shard (so in every feed,
/// and, through <see cref="VideoInfo.IsPublished"/>, in search and tag pages), any other state is not; a
/// video in review is in the moderation queue; the creator hears of each change. Every call is idempotent,
/// so a video repeats it after a crash or a retry to finish what a failed attempt left undone.
/// </summary>
public sealed class VideoPublication(IGrainFactory grains, CatalogOptions catalog, ModerationOptions moderation)
{
    /// <summary>The review a new upload starts in: pre-review, a possible duplicate, or none (published at once).</summary>
    public async Task<VideoReview?> InitialReviewAsync(VideoRegistration registration, DateTimeOffset now)
    {
        if (registration.Fingerprint is { } fingerprint && await FindDuplicateAsync(fingerprint, registration.CreatorId) is { } original)
        {
            return new VideoReview(ReviewReason.PossibleDuplicate, original.VideoId, now);
        }

        return moderation.PreReview ? new VideoReview(ReviewReason.PreReview, null, now) : null;
    }

    /// <summary>
    /// The nearest published video of another creator within <see cref="ModerationOptions.DuplicateDistance"/>.
    /// Asks every catalog shard at once: a video's fingerprint lives in its own shard, beside its catalog entry,
    /// so it enters and leaves the index exactly when the video enters and leaves feeds.
    /// </summary>
    public async Task<FingerprintMatch?> FindDuplicateAsync(ulong fingerprint, string creatorId)
    {
        var calls = new Task<FingerprintMatch?>[catalog.Shards];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = grains.GetGrain<ICatalogShardGrain>(i).FindNearestAsync(fingerprint, moderation.DuplicateDistance, creatorId);
        }

        FingerprintMatch? best = null;
        foreach (var match in await Task.WhenAll(calls))
        {
            if (match is not null && (best is null || match.Distance < best.Distance ||
                (match.Distance == best.Distance && string.CompareOrdinal(match.VideoId, best.VideoId) < 0)))
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Makes the catalog and the moderation queue agree with <paramref name="info"/>'s state.</summary>
    public async Task PropagateAsync(VideoInfo info, Func<CatalogVideo> catalogVideo, bool wasInReview)
    {
        var shard = grains.GetGrain<ICatalogShardGrain>(IdHash.Shard(info.VideoId, catalog.Shards));
        if (info.IsPublished)
        {
            await shard.UpsertAsync(catalogVideo());
        }
        else
        {
            await shard.RemoveAsync(info.VideoId);
        }

        var queue = grains.GetGrain<IModerationQueueGrain>(0);
        if (info is { State: PublicationState.InReview, Review: { } review })
        {
            await queue.EnterAsync(new ModerationItem(info.VideoId, info.CreatorId, info.Title, review.Since, review.Reason, review.DuplicateOf));
        }
        else if (wasInReview)
        {
            await queue.LeaveAsync(info.VideoId);
        }
    }

    /// <summary>Tells the creator's live observers that the video changed state.</summary>
    public void NotifyStateChanged(VideoInfo info, DateTimeOffset now) =>
        grains.GetGrain<ICreatorGrain>(info.CreatorId).NotifyContentAsync(
            new ContentNotice(ContentNotice.StateChanged, info.VideoId, now, info.State, info.Review?.Reason)).Ignore();

    /// <summary>The fingerprint as the API shows it: 16 lower-case hex digits.</summary>
    public static string? FormatFingerprint(ulong? fingerprint) =>
        fingerprint is { } f ? f.ToString("x16", CultureInfo.InvariantCulture) : null;

    /// <summary>The fingerprint of <see cref="VideoInfo.Fingerprint"/> back as a number.</summary>
    public static ulong? ParseFingerprint(string? hex) =>
        hex is null ? null : ulong.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}

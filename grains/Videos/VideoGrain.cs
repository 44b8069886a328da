using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Grains.Catalog;
using Platform.Grains.Content;
using Platform.Grains.Creators;
using Platform.Grains.Engagement;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;

namespace Platform.Grains.Videos;

/// <summary>
/// A video: metadata, exact counters and an embedding learned from its audience. Applies each user
/// request once (a ledger of the last sequence per user), records the creator's share in the same
/// write and delivers it before acknowledging, and reports embedding and signals to its catalog shard at most once
/// per <see cref="CatalogOptions.ReportInterval"/>.
/// </summary>
// Reentrant so that engagement from many users shares one state write (GroupCommit): every request
// changes the state synchronously, then awaits the next write; creator deliveries stay one at a time.
[Reentrant]
public sealed partial class VideoGrain(
    [PersistentState(StorageNames.VideoState, StorageNames.Provider)] IPersistentState<VideoState> state,
    OnlineLearner learner,
    IOptions<CatalogOptions> catalogOptions,
    IOptions<DeliveryOptions> deliveryOptions,
    IOptions<ModerationOptions> moderationOptions,
    CatalogReporter reporter,
    CreatorDeltaBatcher creatorDeltas,
    ILogger<VideoGrain> logger,
    TimeProvider time,
    IOptions<AnalyticsOptions> analyticsOptions,
    ISeriesHistory history) : Grain, IVideoGrain
{
    private readonly DeliveryOptions _delivery = deliveryOptions.Value;
    private readonly SemaphoreSlim _creatorDelivery = new(1, 1);
    private GroupCommit? _commit;
    private VideoPublication? _publication;
    private long _durableCreatorSequence = -1;
    private bool _stateDirty;
    private bool _broken;
    private double _recentEngagement;

    private VideoState S => state.State;

    private GroupCommit Commit => _commit ??= new GroupCommit(WriteAsync);

    private VideoPublication Publication => _publication ??= new VideoPublication(GrainFactory, catalogOptions.Value, moderationOptions.Value);

    private ICatalogShardGrain Shard =>
        GrainFactory.Reference<ICatalogShardGrain>(IdHash.Shard(this.GetPrimaryKeyString(), catalogOptions.Value.Shards));

    // The shard keeps a periodic snapshot; re-announcing on activation repairs a shard that lost
    // a registration to a crash between its snapshots (not after a migration: VideoGrain.Reannouncement.cs).
    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReannounceAsync();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Series increments still waiting in the state go to the history table with this last write.
        _stateDirty |= S.Analytics.Pending?.DueWithNextWrite() == true;

        if (_stateDirty && !_broken)
        {
            await Commit.CommitAsync();
        }
    }

    public async Task<RegistrationResult> RegisterAsync(VideoRegistration registration)
    {
        if (S.Info is { } existing)
        {
            if (existing.CreatorId != registration.CreatorId)
            {
                return RegistrationResult.Conflict;
            }

            // A retried registration finishes whatever a failed first attempt left undone.
            if (existing.State is PublicationState.Published or PublicationState.InReview)
            {
                await AnnounceAsync();
            }

            return RegistrationResult.AlreadyRegistered;
        }

        var now = time.GetUtcNow();
        var review = await Publication.InitialReviewAsync(registration, now);
        S.Info = new VideoInfo(
            registration.VideoId,
            registration.CreatorId,
            registration.Title,
            registration.Tags,
            registration.DurationMs,
            review is null ? PublicationState.Published : PublicationState.InReview,
            now,
            registration.PriceCents,
            review,
            VideoPublication.FormatFingerprint(registration.Fingerprint));
        S.Audit.Add(new AuditEntry(now, ModerationAction.Register, VideoTransition.SystemActor, null, null, S.Info.State));
        S.Vector = learner.SeedVideo(registration.VideoId, registration.Tags);
        await Commit.CommitAsync();
        await AnnounceAsync();
        return RegistrationResult.Created;
    }

    public Task<VideoInfo?> GetInfoAsync() => Task.FromResult(S.Info);

    public Task<VideoStats?> GetStatsAsync() => Task.FromResult(S.Info is null
        ? null
        : new VideoStats(S.Info.VideoId, S.Views, S.Likes, S.Shares, S.Comments, S.Skips, S.Completions, S.WatchMs));

    public Task<VideoEngagementContext> GetEngagementContextAsync() => Task.FromResult(S.Info switch
    {
        null => VideoEngagementContext.Rejected("unknown video"),
        { State: not PublicationState.Published } => VideoEngagementContext.Rejected(VideoLifecycle.RejectReason(S.Info.State)!),
        { } info => new VideoEngagementContext(null, info.CreatorId, (float[])S.Vector.Clone(), info.DurationMs, info.PriceCents, info.Title, info.Tags),
    });

    public async Task ApplyEngagementAsync(VideoEngagementRequest[] requests)
    {
        if (S.Info is not { } info)
        {
            // The sender saw the video registered; a video without state cannot count anything.
            LogUnknownVideo(logger, this.GetPrimaryKeyString(), requests.Length);
            return;
        }

        var now = time.GetUtcNow();
        long views = 0, likes = 0, shares = 0, comments = 0, watchMs = 0;
        var applied = false;
        foreach (var request in requests)
        {
            if (!S.Users.TryAccept(request.UserId, request.Sequence, now))
            {
                continue;
            }

            applied = true;
            foreach (var e in request.Events)
            {
                var rule = EngagementRules.For(e.Type);
                Analytics?.Record(S.Analytics, info, rule, e, now);
                views += rule.Views;
                likes += rule.Likes;
                shares += rule.Shares;
                comments += rule.Comments;
                S.Skips += rule.Skips;
                watchMs += rule.CountsWatchTime ? e.WatchMs : 0;
                S.Completions += rule.Completes(e.WatchMs, info.DurationMs) ? 1 : 0;
                _recentEngagement += rule.TrendingWeight;
                if (rule.LearningTarget(e.WatchMs, info.DurationMs) is { } target && request.UserVector.Length == S.Vector.Length)
                {
                    learner.Step(S.Vector, request.UserVector, target);
                }
            }
        }

        if (applied)
        {
            S.Views += views;
            S.Likes += likes;
            S.Shares += shares;
            S.Comments += comments;
            S.WatchMs += watchMs;
            var (buckets, firstHourViews) = Analytics?.TakeCreatorShare() ?? default;
            if ((views | likes | shares | comments | watchMs) != 0 || buckets is not null)
            {
                S.CreatorOutbox.Add(new CreatorDelta(info.VideoId, views, likes, shares, comments, watchMs, ++S.LastCreatorSequence, buckets, firstHourViews));
            }

            S.Users.Prune(now, _delivery.ConfirmedRetention, _delivery.UnconfirmedRetention);
            await Commit.CommitAsync();
            ScheduleReport();
        }
        else if (Commit.Writing)
        {
            // A resent request whose first copy may still be on its way to storage.
            await Commit.CommitAsync();
        }

        // Acknowledge only once the creator has its share too: until then the users keep resending,
        // which is what brings this video back to finish the delivery after a crash.
        await DeliverCreatorOutboxAsync();
    }

    public Task ConfirmAndApplyEngagementAsync(EngagementConfirmation[] confirmations, VideoEngagementRequest[] requests)
    {
        Confirm(confirmations);
        return ApplyEngagementAsync(requests);
    }

    public Task ConfirmEngagementAsync(EngagementConfirmation[] confirmations)
    {
        Confirm(confirmations);
        return Task.CompletedTask;
    }

    private void Confirm(EngagementConfirmation[] confirmations)
    {
        foreach (var confirmation in confirmations)
        {
            _stateDirty |= S.Users.Confirm(confirmation.UserId, confirmation.Sequence);
        }
    }

    public async Task<bool> TakeDownAsync() =>
        (await TransitionAsync(new VideoTransition(ModerationAction.TakeDown, "admin", null))).Status == TransitionStatus.Applied;

    public async Task<TransitionResult> TransitionAsync(VideoTransition transition)
    {
        if (S.Info is not { } info)
        {
            return new TransitionResult(TransitionStatus.UnknownVideo, null);
        }

        if (VideoLifecycle.Next(info.State, transition.Action) is not { } next)
        {
            return new TransitionResult(TransitionStatus.NotApplicable, info);
        }

        var now = time.GetUtcNow();
        if (next != info.State)
        {
            S.Info = info with { State = next, Review = next == PublicationState.InReview ? transition.Review : null };
            S.Audit.Add(new AuditEntry(now, transition.Action, transition.Actor, transition.Note, info.State, next));
            await Commit.CommitAsync();
        }

        // No silo's cached context (state included) may accept events for a state that no longer holds (nor its ads
        // serve an unpublished video): the broadcast drops this silo's copy and every other's.
        await ServiceProvider.GetRequiredService<VideoStateBroadcast>().TellEverySiloAsync(info.VideoId, S.Info.IsPublished);

        // Repeated when the state was already there: a retry finishes what a failed attempt left undone.
        await Publication.PropagateAsync(S.Info, ToCatalogVideo, wasInReview: info.State == PublicationState.InReview);
        if (next != info.State)
        {
            Publication.NotifyStateChanged(S.Info, now);
        }

        return new TransitionResult(TransitionStatus.Applied, S.Info);
    }

    public Task<AuditEntry[]?> GetAuditAsync() => Task.FromResult(S.Info is null ? null : S.Audit.ToArray());

    /// <summary>
    /// One state write (through <see cref="Commit"/> only). A failed write leaves memory ahead of
    /// storage, so the activation is dropped and the next one reloads what is durable.
    /// </summary>
    private async Task WriteAsync()
    {
        var creatorSequence = S.LastCreatorSequence;
        _stateDirty = false;
        try
        {
            await state.WriteStateAsync();
            _durableCreatorSequence = creatorSequence;
        }
        catch
        {
            _broken = true;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Sends the creator the deltas that are durable here, one delivery at a time and in sequence
    /// order; a delta still waiting for its write is left for the request that made it.
    /// </summary>
    private async Task DeliverCreatorOutboxAsync()
    {
        await _creatorDelivery.WaitAsync();
        try
        {
            var count = 0;
            while (count < S.CreatorOutbox.Count && S.CreatorOutbox[count].Sequence <= _durableCreatorSequence)
            {
                count++;
            }

            if (count == 0)
            {
                return;
            }

            CreatorDelta[] deltas = [.. S.CreatorOutbox.GetRange(0, count)];
            await creatorDeltas.ApplyAsync(S.Info!.CreatorId, deltas);

            // The creator applies each sequence once, so the removal need not be durable at once.
            S.CreatorOutbox.RemoveRange(0, count);
            _stateDirty = true;
        }
        finally
        {
            _creatorDelivery.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId} has no registration; {Count} engagement requests dropped")]
    private static partial void LogUnknownVideo(ILogger logger, string videoId, int count);

    private async Task AnnounceAsync()
    {
        var info = S.Info!;
        await GrainFactory.Reference<ICreatorGrain>(info.CreatorId).AddVideoAsync(info.VideoId);
        if (info.IsPublished)
        {
            await Shard.UpsertAsync(ToCatalogVideo());
        }
        else
        {
            await Publication.PropagateAsync(info, ToCatalogVideo, wasInReview: false);
        }
    }

    private CatalogVideo ToCatalogVideo() =>
        new(S.Info!.VideoId, S.Info.CreatorId, (float[])S.Vector.Clone(), S.Info.RegisteredAt, Signals(), S.Info.PriceCents, S.Info.Title, S.Info.Tags,
            VideoPublication.ParseFingerprint(S.Info.Fingerprint));

    private VideoSignals Signals() => new(S.Views, S.Likes, S.Completions, S.Skips, S.Shares, _recentEngagement);

    /// <summary>
    /// Hands the latest embedding and signals to the silo's <see cref="CatalogReporter"/>, which merges
    /// them with any report of this video still waiting and sends its shard one batch per report interval.
    /// </summary>
    private void ScheduleReport()
    {
        if (S.Info is not { State: PublicationState.Published } info)
        {
            return;
        }

        var signals = Signals();
        _recentEngagement = 0;
        reporter.Report(IdHash.Shard(this.GetPrimaryKeyString(), catalogOptions.Value.Shards), new VideoReport(info.VideoId, (float[])S.Vector.Clone(), signals));
    }
}

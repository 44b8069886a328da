using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Ads;
using Platform.Grains.Catalog;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;
using Platform.Grains.Videos;

namespace Platform.Grains.Users;

/// <summary>
/// A user. The entry point of every event: it drops duplicates, learns from the events, and in one
/// write records them together with an outbox of what it owes the videos and creators they touch;
/// then it delivers the outbox, which those grains apply once each. It also builds the user's feed
/// from the catalog shards.
/// </summary>
public sealed partial class UserGrain(
    [PersistentState(StorageNames.UserState, StorageNames.Provider)] IPersistentState<UserState> state,
    OnlineLearner learner,
    FeedRanker ranker,
    VideoEngagementBatcher videoBatcher,
    CoEngagementBatcher coEngagement,
    AdService ads,
    IOptions<FeedOptions> feedOptions,
    IOptions<CatalogOptions> catalogOptions,
    IOptions<DeliveryOptions> deliveryOptions,
    ILogger<UserGrain> logger,
    TimeProvider time) : Grain, IUserGrain, IRemindable
{
    private const string RecoveryReminder = "outbox-recovery";

    private readonly FeedOptions _feed = feedOptions.Value;
    private readonly DeliveryOptions _delivery = deliveryOptions.Value;
    private readonly Random _random = new();
    private readonly UserFeedSignals _signals = new(ranker, catalogOptions.Value.Shards);

    /// <summary>Outbox entries acknowledged by their receivers whose removal is not yet written.</summary>
    private readonly List<OutboxEntry> _unconfirmed = [];
    private bool _servedDirty;
    private bool _broken;
    private bool _reminderRegistered;
    private IGrainTimer? _retryTimer;
    private IGrainTimer? _confirmTimer;

    private UserState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Vector.Length != learner.Dimensions)
        {
            S.Vector = new float[learner.Dimensions];
            S.Interest = new float[learner.Dimensions];
        }

        // Work recorded before a crash is delivered as soon as the activation is up.
        if (S.Outbox.Count > 0)
        {
            ScheduleRetry(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_broken)
        {
            return;
        }

        if (_servedDirty || _unconfirmed.Count > 0)
        {
            await WriteAsync();
        }

        if (_reminderRegistered && S.Outbox.Count == 0)
        {
            await UnregisterRecoveryAsync();
        }
    }

    public async Task<EventOutcome[]> ApplyEventsAsync(EngagementEvent[] events)
    {
        var outcomes = new EventOutcome[events.Length];
        var byVideo = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var follows = new List<int>();
        var adEvents = new List<int>();
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (S.AppliedEvents.Contains(e.EventId) || !batchIds.Add(e.EventId))
            {
                outcomes[i] = EventOutcome.Duplicate;
            }
            else if (e.Type is EngagementType.Follow or EngagementType.Unfollow)
            {
                follows.Add(i);
            }
            else if (e.Type is EngagementType.Click or EngagementType.Conversion)
            {
                adEvents.Add(i);
            }
            else
            {
                if (!byVideo.TryGetValue(e.VideoId!, out var list))
                {
                    byVideo[e.VideoId!] = list = [];
                }

                list.Add(i);
            }
        }

        // Everything that can fail without side effects (asking the videos) comes first; from here
        // on the state changes in memory and then in one write.
        var contexts = byVideo.Count > 0 ? await GetContextsAsync(byVideo) : null;
        var adAttribution = adEvents.Count > 0 ? await AdAttribution.SendAsync(GrainFactory, this.GetPrimaryKeyString(), S.Ads, events, adEvents) : null;
        var accepted = false;
        if (contexts is not null)
        {
            accepted |= PlanVideoEvents(events, byVideo, contexts, outcomes);
        }

        foreach (var i in follows)
        {
            outcomes[i] = PlanFollow(events[i]);
            if (outcomes[i].Status == EventStatus.Accepted)
            {
                S.AppliedEvents.Add(events[i].EventId, _feed.EventIdHistory);
                accepted = true;
            }
        }

        accepted |= adAttribution?.Apply(events, outcomes, S.AppliedEvents, _feed.EventIdHistory) ?? false;
        if (accepted)
        {
            await WriteAsync();
            _signals.Flush(coEngagement);
        }

        // Answer only once every grain the events touch has them: a failure here leaves the work in
        // the durable outbox (delivered later, once) and fails the request, which the client retries.
        await DeliverOutboxAsync();
        return outcomes;
    }

    public async Task<FeedPage> GetFeedAsync(int count)
    {
        var shards = catalogOptions.Value.Shards;
        string[] followed = [.. S.Following.Order.TakeLast(_feed.FollowedCreatorsPerFeed)];
        var query = new CandidateQuery(
            S.Vector,
            S.Interest,
            followed,
            ExclusionFilter.Create(S.Viewed.Items, S.Served.Items),
            Math.Clamp(count * 2 / shards + 5, 5, 100),
            UserFeedSignals.RecentVideos(S, ranker.Ranking.CoEngagementAnchors));

        var calls = new Task<Candidate[]>[shards];
        for (var i = 0; i < shards; i++)
        {
            calls[i] = GrainFactory.Reference<ICatalogShardGrain>(i).GetCandidatesAsync(query);
        }

        var candidates = (await Task.WhenAll(calls)).SelectMany(c => c).ToList();
        var context = new FeedRanker.UserContext(S.Vector, S.Interest, UserFeedSignals.CreatorAffinity(S, followed));
        var features = new List<float[]>(count);
        var items = ranker.Rank(context, candidates, count, time.GetUtcNow(), _random, features);
        var placement = ads.Place(S.Ads, items, features, count, time.GetUtcNow());
        items = placement.Organic;
        _signals.Served(items, features);
        foreach (var item in items)
        {
            S.Served.Add(item.VideoId, _feed.ServedHistory);
        }

        _servedDirty |= placement.Page.Length > 0;
        return new FeedPage($"f-{Guid.NewGuid():N}"[..14], placement.Page);
    }

    public Task<UserStats> GetStatsAsync() =>
        Task.FromResult(new UserStats(this.GetPrimaryKeyString(), S.Views, S.Likes, S.Shares, S.Following.Count));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RecoveryReminder)
        {
            return;
        }

        try
        {
            await DeliverOutboxAsync();
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, this.GetPrimaryKeyString(), S.Outbox.Count);
            return;
        }

        if (_unconfirmed.Count > 0)
        {
            await WriteAsync();
        }

        await UnregisterRecoveryAsync();
    }

    private async Task<VideoEngagementContext[]> GetContextsAsync(Dictionary<string, List<int>> byVideo)
    {
        var calls = new Task<VideoEngagementContext>[byVideo.Count];
        var g = 0;
        foreach (var videoId in byVideo.Keys)
        {
            calls[g++] = videoBatcher.GetContextAsync(videoId);
        }

        return await Task.WhenAll(calls);
    }

    /// <summary>
    /// Accepts or rejects each video's events in the order the videos first appear, learns from the
    /// accepted ones, and adds what each video is owed to the outbox. True when any event was accepted.
    /// </summary>
    private bool PlanVideoEvents(
        EngagementEvent[] events, Dictionary<string, List<int>> byVideo, VideoEngagementContext[] contexts, EventOutcome[] outcomes)
    {
        var userId = this.GetPrimaryKeyString();
        var accepted = false;
        var g = 0;
        foreach (var (videoId, indices) in byVideo)
        {
            var context = contexts[g++];
            if (!context.Accepts)
            {
                var rejected = new EventOutcome(EventStatus.Rejected, context.RejectReason);
                foreach (var i in indices)
                {
                    outcomes[i] = rejected;
                }

                continue;
            }

            accepted = true;
            var effective = EffectiveEvents(events, indices, S.Liked.Contains(videoId));

            // Each video learns from the user's taste as the earlier videos of the batch shaped it.
            var taste = learner.TasteVector(S.Vector, S.Interest);
            foreach (var i in indices)
            {
                outcomes[i] = EventOutcome.Accepted;
                S.AppliedEvents.Add(events[i].EventId, _feed.EventIdHistory);
            }

            foreach (var e in effective)
            {
                Learn(videoId, e, context);
            }

            if (effective.Length > 0)
            {
                S.Outbox.Add(new OutboxEntry
                {
                    Target = videoId,
                    Video = new VideoEngagementRequest(userId, taste, effective, ++S.LastSequence),
                });
            }
        }

        return accepted;
    }

    /// <summary>
    /// The events that change anything: a like of a liked video, or an unlike of a video not liked,
    /// is accepted but changes nothing.
    /// </summary>
    private static EngagementEvent[] EffectiveEvents(EngagementEvent[] events, List<int> indices, bool liked)
    {
        var effective = new List<EngagementEvent>(indices.Count);
        foreach (var i in indices)
        {
            var e = events[i];
            if (e.Type == EngagementType.Like)
            {
                if (liked)
                {
                    continue;
                }

                liked = true;
            }
            else if (e.Type == EngagementType.Unlike)
            {
                if (!liked)
                {
                    continue;
                }

                liked = false;
            }

            effective.Add(e);
        }

        return [.. effective];
    }

    private void Learn(string videoId, EngagementEvent e, VideoEngagementContext video)
    {
        switch (e.Type)
        {
            case EngagementType.View:
                S.Views++;
                S.WatchMs += e.WatchMs;
                S.Viewed.Add(videoId, _feed.ViewedHistory);
                break;
            case EngagementType.Skip:
                S.Viewed.Add(videoId, _feed.ViewedHistory);
                break;
            case EngagementType.Like:
                S.Likes++;
                S.Liked.Add(videoId, _feed.LikedHistory);
                break;
            case EngagementType.Unlike:
                S.Likes--;
                S.Liked.Remove(videoId);
                break;
            case EngagementType.Share:
                S.Shares++;
                break;
            case EngagementType.Comment:
                S.Comments++;
                break;
        }

        _signals.Observe(S, videoId, e.Type, e.WatchMs, video.DurationMs, video.CreatorId);
        ads.Observe(S.Ads, e, video);
        if (OnlineLearner.Target(e.Type, e.WatchMs, video.DurationMs) is { } target && video.VideoVector.Length == S.Vector.Length)
        {
            learner.Step(S.Vector, video.VideoVector, target);
            learner.UpdateInterest(S.Interest, video.VideoVector, target);
        }
    }

    private EventOutcome PlanFollow(EngagementEvent e)
    {
        var creatorId = e.CreatorId!;
        var following = S.Following.Contains(creatorId);
        var change = e.Type == EngagementType.Follow ? (following ? 0 : 1) : (following ? -1 : 0);
        if (change == 0)
        {
            return EventOutcome.Accepted;
        }

        if (change > 0 && S.Following.Count >= _feed.MaxFollowing)
        {
            return new EventOutcome(EventStatus.Rejected, "following limit reached");
        }

        S.Outbox.Add(new OutboxEntry
        {
            Target = creatorId,
            Follow = new FollowChange(this.GetPrimaryKeyString(), ++S.LastSequence, change),
        });
        if (change > 0)
        {
            S.Following.Add(creatorId, int.MaxValue);
        }
        else
        {
            S.Following.Remove(creatorId);
        }

        return EventOutcome.Accepted;
    }

    /// <summary>
    /// Writes the state; then tells receivers whose acknowledgements this write recorded that they may
    /// forget those deliveries. A failed write leaves memory ahead of storage, so the activation is
    /// dropped and the next one reloads what is durable.
    /// </summary>
    private async Task WriteAsync()
    {
        OutboxEntry[]? confirmed = _unconfirmed.Count > 0 ? [.. _unconfirmed] : null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _broken = true;
            DeactivateOnIdle();
            throw;
        }

        _servedDirty = false;
        if (confirmed is not null)
        {
            _unconfirmed.RemoveRange(0, confirmed.Length);
            SendConfirmations(confirmed);
        }
    }

    private void SendConfirmations(OutboxEntry[] confirmed)
    {
        var userId = this.GetPrimaryKeyString();
        var highest = new Dictionary<(string Target, bool IsVideo), long>();
        foreach (var entry in confirmed)
        {
            var key = (entry.Target, entry.Video is not null);
            highest[key] = Math.Max(highest.GetValueOrDefault(key), entry.Sequence);
        }

        foreach (var ((target, isVideo), sequence) in highest)
        {
            if (isVideo)
            {
                videoBatcher.Confirm(target, userId, sequence);
            }
            else
            {
                _ = GrainFactory.Reference<ICreatorGrain>(target).ConfirmFollowChangesAsync(userId, sequence);
            }
        }
    }

    /// <summary>
    /// Sends every outbox entry to its receiver, all of one receiver's entries in one call, in sequence
    /// order. Acknowledged entries leave the outbox (durably with the next write); throws when any
    /// receiver failed, after arranging a retry.
    /// </summary>
    private async Task DeliverOutboxAsync()
    {
        if (S.Outbox.Count == 0)
        {
            return;
        }

        var videos = new Dictionary<string, List<OutboxEntry>>(StringComparer.Ordinal);
        var creators = new Dictionary<string, List<OutboxEntry>>(StringComparer.Ordinal);
        foreach (var entry in S.Outbox)
        {
            var groups = entry.Video is not null ? videos : creators;
            if (!groups.TryGetValue(entry.Target, out var list))
            {
                groups[entry.Target] = list = [];
            }

            list.Add(entry);
        }

        var sends = new List<(List<OutboxEntry> Entries, Task Call)>(videos.Count + creators.Count);
        foreach (var (videoId, entries) in videos)
        {
            var requests = new VideoEngagementRequest[entries.Count];
            for (var i = 0; i < requests.Length; i++)
            {
                requests[i] = entries[i].Video!;
            }

            sends.Add((entries, videoBatcher.ApplyAsync(videoId, requests)));
        }

        foreach (var (creatorId, entries) in creators)
        {
            var changes = new FollowChange[entries.Count];
            for (var i = 0; i < changes.Length; i++)
            {
                changes[i] = entries[i].Follow!;
            }

            sends.Add((entries, GrainFactory.Reference<ICreatorGrain>(creatorId).ApplyFollowChangesAsync(changes)));
        }

        Exception? failure = null;
        var delivered = new HashSet<OutboxEntry>(ReferenceEqualityComparer.Instance);
        foreach (var (entries, call) in sends)
        {
            try
            {
                await call;
                delivered.UnionWith(entries);
                _unconfirmed.AddRange(entries);
            }
            catch (Exception ex)
            {
                failure ??= ex;
            }
        }

        S.Outbox.RemoveAll(delivered.Contains);
        if (_unconfirmed.Count > 0)
        {
            ScheduleConfirmation();
        }

        if (failure is null)
        {
            StopRetry();
            return;
        }

        LogDeliveryFailed(logger, failure, this.GetPrimaryKeyString(), S.Outbox.Count);
        ScheduleRetry(_delivery.RetryInterval);
        await RegisterRecoveryAsync();
        throw new OutboxDeliveryException($"{S.Outbox.Count} outbox entries of user {this.GetPrimaryKeyString()} are not delivered yet; they are durable and will be delivered.", failure);
    }

    private void ScheduleRetry(TimeSpan dueTime)
    {
        _retryTimer ??= this.RegisterGrainTimer(
            static async (grain, _) =>
            {
                try
                {
                    await grain.DeliverOutboxAsync();
                }
                catch (OutboxDeliveryException)
                {
                    // Logged; the timer tries again.
                }
            },
            this,
            new GrainTimerCreationOptions(dueTime, _delivery.RetryInterval));
    }

    private void StopRetry()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private void ScheduleConfirmation() =>
        _confirmTimer ??= this.RegisterGrainTimer(
            static async (grain, _) =>
            {
                grain._confirmTimer?.Dispose();
                grain._confirmTimer = null;
                if (grain._unconfirmed.Count > 0 && !grain._broken)
                {
                    await grain.WriteAsync();
                }
            },
            this,
            new GrainTimerCreationOptions(_delivery.ConfirmDelay, Timeout.InfiniteTimeSpan));

    /// <summary>A reminder that reactivates the user after a crash while its outbox is not delivered.</summary>
    private async Task RegisterRecoveryAsync()
    {
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(RecoveryReminder, _delivery.RecoveryPeriod, _delivery.RecoveryPeriod);
            _reminderRegistered = true;
        }
    }

    private async Task UnregisterRecoveryAsync()
    {
        if (await this.GetReminder(RecoveryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering the outbox of user {UserId} failed; {Pending} entries stay queued")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string userId, int pending);
}

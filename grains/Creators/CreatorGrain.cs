using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Grains.Money;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Creators;

/// <summary>
/// A creator: followers, the creator's videos and their counters, summed. Applies each video delta
/// once (the last sequence per video) and each user's follower change once (a ledger per user).
/// </summary>
// Reentrant so that deltas from many videos share one state write (GroupCommit): every request
// changes the state synchronously, then awaits the next write.
[Reentrant]
public sealed partial class CreatorGrain(
    [PersistentState(StorageNames.CreatorState, StorageNames.Provider)] IPersistentState<CreatorState> state,
    IOptions<DeliveryOptions> deliveryOptions,
    TimeProvider time,
    IOptions<AnalyticsOptions> analyticsOptions,
    ISeriesHistory history)
    : Grain, ICreatorGrain, IIncomingGrainCallFilter
{
    private const int TopVideoCount = 5;

    private readonly DeliveryOptions _delivery = deliveryOptions.Value;
    private GroupCommit? _commit;
    private bool _stateDirty;
    private bool _broken;
    private CreatorStatsPublisher? _live;
    private LiveEarnings? _liveEarnings;

    private CreatorState S => state.State;

    private GroupCommit Commit => _commit ??= new GroupCommit(WriteAsync);

    private CreatorStatsPublisher Live => _live ??= new CreatorStatsPublisher(this, GetStatsAsync, LiveEarningsOf.GetAsync);

    private LiveEarnings LiveEarningsOf => _liveEarnings ??= new LiveEarnings(GrainFactory, this.GetPrimaryKeyString());

    public async Task AddVideoAsync(string videoId)
    {
        if (S.Videos.TryAdd(videoId, new VideoTotals()))
        {
            await Commit.CommitAsync();
        }
    }

    public async Task ApplyDeltasAsync(CreatorDelta[] deltas)
    {
        var now = time.GetUtcNow();
        var applied = false;
        foreach (var delta in deltas)
        {
            if (!S.Videos.TryGetValue(delta.VideoId, out var totals))
            {
                S.Videos[delta.VideoId] = totals = new VideoTotals();
            }

            if (delta.Sequence != 0 && delta.Sequence <= totals.LastSequence)
            {
                continue;
            }

            totals.Views += delta.Views;
            totals.Likes += delta.Likes;
            totals.Shares += delta.Shares;
            totals.Comments += delta.Comments;
            totals.WatchMs += delta.WatchMs;
            totals.FirstHourViews += delta.FirstHourViews;
            Analytics?.RecordDelta(S.Analytics, delta, now);
            totals.LastSequence = Math.Max(totals.LastSequence, delta.Sequence);
            applied = true;
        }

        if (applied || Commit.Writing)
        {
            // Also a resent delta waits: its first copy may still be on its way to storage.
            await Commit.CommitAsync();
        }
    }

    public async Task ApplyFollowChangesAsync(FollowChange[] changes)
    {
        var now = time.GetUtcNow();
        var applied = false;
        foreach (var change in changes)
        {
            if (S.FollowerChanges.TryAccept(change.UserId, change.Sequence, now))
            {
                S.Followers += change.Change;
                Analytics?.RecordFollowers(S.Analytics, change.Change, now);
                applied = true;
            }
        }

        if (applied)
        {
            S.FollowerChanges.Prune(now, _delivery.ConfirmedRetention, _delivery.UnconfirmedRetention);
        }

        if (applied || Commit.Writing)
        {
            await Commit.CommitAsync();
        }
    }

    public Task ConfirmFollowChangesAsync(string userId, long sequence)
    {
        _stateDirty |= S.FollowerChanges.Confirm(userId, sequence);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Series increments still waiting in the state go to the history table with this last write.
        _stateDirty |= S.Analytics.Pending?.DueWithNextWrite() == true;

        if (_stateDirty && !_broken)
        {
            await Commit.CommitAsync();
        }
    }

    public async Task ReportEarningsAsync(CreatorEarnings earnings)
    {
        LiveEarningsOf.Report(earnings);
        if (Analytics?.RecordTips(S.Analytics, earnings.TipsCents, time.GetUtcNow()) == true)
        {
            await Commit.CommitAsync();
        }
    }

    public Task<CreatorStats> GetStatsAsync()
    {
        long views = 0, likes = 0, shares = 0, comments = 0, watchMs = 0;
        foreach (var totals in S.Videos.Values)
        {
            views += totals.Views;
            likes += totals.Likes;
            shares += totals.Shares;
            comments += totals.Comments;
            watchMs += totals.WatchMs;
        }

        var top = S.Videos
            .OrderByDescending(v => v.Value.Views)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Take(TopVideoCount)
            .Select(v => new TopVideo(v.Key, v.Value.Views, v.Value.Likes))
            .ToArray();
        return Task.FromResult(new CreatorStats(
            this.GetPrimaryKeyString(), S.Followers, S.Videos.Count, views, likes, shares, comments, watchMs, top));
    }

    public async Task<CreatorStatsSnapshot> SubscribeAsync(ICreatorStatsObserver observer) => await Live.SubscribeAsync(observer);

    public Task UnsubscribeAsync(ICreatorStatsObserver observer)
    {
        _live?.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<int> GetSubscriberCountAsync() => Task.FromResult(_live?.CountSubscribers() ?? 0);

    public Task NotifyContentAsync(ContentNotice notice) => _live?.NotifyContentAsync(notice) ?? Task.CompletedTask;

    /// <summary>
    /// Live observers hear of every change, whichever grain method made it: checked here once
    /// rather than in each method that updates counters.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (_live is not null && CreatorStatsPublisher.MayChangeCounters(context.InterfaceMethod))
        {
            _live.MarkChanged();
        }
    }

    /// <summary>One state write (through <see cref="Commit"/> only); a failed write leaves memory ahead of storage, so the activation is dropped.</summary>
    private async Task WriteAsync()
    {
        _stateDirty = false;
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
    }
}

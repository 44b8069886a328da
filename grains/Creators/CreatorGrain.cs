using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Creators;

/// <summary>A creator: followers, the creator's videos and their counters, summed.</summary>
public sealed class CreatorGrain(
    [PersistentState(StorageNames.CreatorState, StorageNames.Provider)] IPersistentState<CreatorState> state)
    : Grain, ICreatorGrain, IIncomingGrainCallFilter
{
    private const int TopVideoCount = 5;

    private CreatorStatsPublisher? _live;

    private CreatorState S => state.State;

    private CreatorStatsPublisher Live => _live ??= new CreatorStatsPublisher(this, GetStatsAsync);

    public async Task AddVideoAsync(string videoId)
    {
        if (S.Videos.TryAdd(videoId, new VideoTotals()))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task ApplyDeltasAsync(CreatorDelta[] deltas)
    {
        foreach (var delta in deltas)
        {
            if (!S.Videos.TryGetValue(delta.VideoId, out var totals))
            {
                S.Videos[delta.VideoId] = totals = new VideoTotals();
            }

            totals.Views += delta.Views;
            totals.Likes += delta.Likes;
            totals.Shares += delta.Shares;
            totals.Comments += delta.Comments;
            totals.WatchMs += delta.WatchMs;
        }

        await state.WriteStateAsync();
    }

    public async Task ChangeFollowersAsync(int change)
    {
        S.Followers += change;
        await state.WriteStateAsync();
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
}

using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;

namespace Platform.Grains.Users;

/// <summary>
/// A user. The entry point of every event: it drops duplicates, forwards each video's events to the
/// video grain, learns from the answers, and builds the user's feed from the catalog shards.
/// </summary>
public sealed class UserGrain(
    [PersistentState(StorageNames.UserState, StorageNames.Provider)] IPersistentState<UserState> state,
    OnlineLearner learner,
    FeedRanker ranker,
    IOptions<FeedOptions> feedOptions,
    IOptions<CatalogOptions> catalogOptions,
    TimeProvider time) : Grain, IUserGrain
{
    private readonly FeedOptions _feed = feedOptions.Value;
    private readonly Random _random = new();
    private readonly UserFeedSignals _signals = new(ranker, catalogOptions.Value.Shards);
    private bool _servedDirty;

    private UserState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Vector.Length != learner.Dimensions)
        {
            S.Vector = new float[learner.Dimensions];
            S.Interest = new float[learner.Dimensions];
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_servedDirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<EventOutcome[]> ApplyEventsAsync(EngagementEvent[] events)
    {
        var outcomes = new EventOutcome[events.Length];
        var byVideo = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var follows = new List<int>();
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
            else
            {
                if (!byVideo.TryGetValue(e.VideoId!, out var list))
                {
                    byVideo[e.VideoId!] = list = [];
                }

                list.Add(i);
            }
        }

        if (byVideo.Count > 0)
        {
            await ApplyVideoEventsAsync(events, byVideo, outcomes);
            _signals.Flush(GrainFactory);
        }

        foreach (var i in follows)
        {
            outcomes[i] = await ApplyFollowAsync(events[i]);
            if (outcomes[i].Status == EventStatus.Accepted)
            {
                S.AppliedEvents.Add(events[i].EventId, _feed.EventIdHistory);
            }
        }

        if (outcomes.Any(o => o.Status == EventStatus.Accepted))
        {
            await state.WriteStateAsync();
            _servedDirty = false;
        }

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
            calls[i] = GrainFactory.GetGrain<ICatalogShardGrain>(i).GetCandidatesAsync(query);
        }

        var candidates = (await Task.WhenAll(calls)).SelectMany(c => c).ToList();
        var context = new FeedRanker.UserContext(S.Vector, S.Interest, UserFeedSignals.CreatorAffinity(S, followed));
        var features = new List<float[]>(count);
        var items = ranker.Rank(context, candidates, count, time.GetUtcNow(), _random, features);
        _signals.Served(items, features);
        foreach (var item in items)
        {
            S.Served.Add(item.VideoId, _feed.ServedHistory);
        }

        _servedDirty |= items.Length > 0;
        return new FeedPage($"f-{Guid.NewGuid():N}"[..14], items);
    }

    public Task<UserStats> GetStatsAsync() =>
        Task.FromResult(new UserStats(this.GetPrimaryKeyString(), S.Views, S.Likes, S.Shares, S.Following.Count));

    /// <summary>
    /// Applies each video's events in the order the videos first appear, one video at a time, so every
    /// video learns from the user's taste as the earlier events of the same batch shaped it.
    /// </summary>
    private async Task ApplyVideoEventsAsync(EngagementEvent[] events, Dictionary<string, List<int>> byVideo, EventOutcome[] outcomes)
    {
        var userId = this.GetPrimaryKeyString();
        foreach (var (videoId, indices) in byVideo)
        {
            var effective = EffectiveEvents(events, indices, S.Liked.Contains(videoId));
            var request = new VideoEngagementRequest(userId, learner.TasteVector(S.Vector, S.Interest), effective);
            var result = await GrainFactory.GetGrain<IVideoGrain>(videoId).ApplyEngagementAsync(request);
            if (!result.Applied)
            {
                var rejected = new EventOutcome(EventStatus.Rejected, result.RejectReason);
                foreach (var i in indices)
                {
                    outcomes[i] = rejected;
                }

                continue;
            }

            foreach (var i in indices)
            {
                outcomes[i] = EventOutcome.Accepted;
                S.AppliedEvents.Add(events[i].EventId, _feed.EventIdHistory);
            }

            foreach (var e in effective)
            {
                Learn(videoId, e, result);
            }
        }
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

    private void Learn(string videoId, EngagementEvent e, VideoEngagementResult video)
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
        if (OnlineLearner.Target(e.Type, e.WatchMs, video.DurationMs) is { } target && video.VideoVector.Length == S.Vector.Length)
        {
            learner.Step(S.Vector, video.VideoVector, target);
            learner.UpdateInterest(S.Interest, video.VideoVector, target);
        }
    }

    private async Task<EventOutcome> ApplyFollowAsync(EngagementEvent e)
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

        await GrainFactory.GetGrain<ICreatorGrain>(creatorId).ChangeFollowersAsync(change);
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
}

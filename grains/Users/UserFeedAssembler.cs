using Platform.GrainInterfaces;
using Platform.Grains.Ads;
using Platform.Grains.Catalog;
using Platform.Grains.Money;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Users;

/// <summary>
/// Builds a user's feed: asks every catalog shard for candidates near the user's taste (minus what
/// the user viewed or was served lately), ranks them (each item with the reason it was served, true to
/// what the user did), and remembers what it served; and the following feed (<see cref="FollowingFeed"/>).
/// </summary>
internal sealed class UserFeedAssembler(
    IGrainFactory grains,
    FeedRanker ranker,
    UserFeedSignals signals,
    UserFeedMemory memory,
    FeedOptions feed,
    int shards,
    TimeProvider time,
    string userId,
    AdService ads)
{
    private readonly Random _random = FeedRandom.For(feed.RandomSeed, userId);

    /// <summary>The next page of <paramref name="count"/> items; adds them to the user's served history in memory.</summary>
    public async Task<FeedPage> AssembleAsync(UserState user, int count)
    {
        string[] followed = [.. user.Following.Order.TakeLast(feed.FollowedCreatorsPerFeed)];
        var query = new CandidateQuery(
            user.Vector,
            user.Interest,
            followed,
            ExclusionFilter.Create(user.Viewed.Items, user.Served.Items),
            Math.Clamp(count * 2 / shards + 5, 5, 100),
            UserFeedSignals.RecentVideos(user, ranker.Ranking.CoEngagementAnchors));
        var personalized = UserConsent.Personalized(user);
        if (!personalized)
        {
            query = UserConsent.NonPersonal(query);
        }

        var calls = new Task<Candidate[]>[shards];
        for (var i = 0; i < shards; i++)
        {
            calls[i] = grains.Reference<ICatalogShardGrain>(i).GetCandidatesAsync(query);
        }

        var candidates = (await Task.WhenAll(calls)).SelectMany(c => c).ToList();
        var context = new FeedRanker.UserContext(
            user.Vector, user.Interest, UserFeedSignals.CreatorAffinity(user, followed), UserFeedMemory.History(user, followed));
        if (!personalized)
        {
            // No personal reasons either: the history stays out of the context.
            candidates = UserConsent.NonPersonal(candidates);
            context = new FeedRanker.UserContext(query.UserVector, query.InterestVector, UserConsent.FollowedOnly(followed));
        }

        var features = new List<float[]>(count);
        var items = ranker.Rank(context, candidates, count, time.GetUtcNow(), _random, features);
        items = await PaidVideoAccess.LockAsync(grains, userId, items, candidates);
        var placement = ads.Place(user.Ads, items, features, count, time.GetUtcNow(), personalized);
        items = placement.Organic;
        if (personalized)
        {
            signals.Served(items, features);
        }

        memory.Served(items);
        foreach (var item in items)
        {
            user.Served.Add(item.VideoId, feed.ServedHistory);
        }

        return new FeedPage($"f-{Guid.NewGuid():N}"[..14], placement.Page);
    }

    /// <summary>The newest unviewed videos of the creators the user follows, newest first.</summary>
    public Task<FollowedVideo[]> FollowingAsync(UserState user, int count) => FollowingFeed.GetAsync(grains, user, shards, count);
}

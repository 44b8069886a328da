using Platform.GrainInterfaces;
using Platform.Grains.Ads;
using Platform.Grains.Catalog;
using Platform.Grains.Experiments;
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
    UserExperiments experiments,
    VariantModels variantModels,
    AdService ads)
{
    private readonly Random _random = FeedRandom.For(feed.RandomSeed, userId);

    /// <summary>
    /// The next page of <paramref name="count"/> items, ranked under the user's experiment variants; adds them
    /// to the user's served history in memory. <paramref name="countedExperiments"/> holds the experiments the
    /// user was already counted in; <c>NewExperimentUser</c> says it grew and must be written.
    /// </summary>
    public async Task<(FeedPage Page, bool NewExperimentUser)> AssembleAsync(UserState user, int count, HashSet<string> countedExperiments)
    {
        var assigned = experiments.Assigned;
        var settings = VariantOverrides.Apply(ranker.Defaults, assigned);
        var followed = user.Following.Last(feed.FollowedCreatorsPerFeed);
        var query = new CandidateQuery(
            user.Vector,
            user.Interest,
            followed,
            ExclusionFilter.Create(user.Viewed.Hashes(), user.Served.Hashes()),
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
            // No personal reasons either: only the followed creators (the user's own choice) may be named.
            candidates = UserConsent.NonPersonal(candidates);
            context = new FeedRanker.UserContext(
                query.UserVector, query.InterestVector, UserConsent.FollowedOnly(followed), UserConsent.FollowedHistory(followed));
        }

        var features = new List<float[]>(count);
        var items = ranker.Rank(context, candidates, settings, count, time.GetUtcNow(), _random, features, variantModels.For(assigned));
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

        var newExperimentUser = experiments.Served(items, assigned, countedExperiments);
        return (new FeedPage($"f-{Guid.NewGuid():N}"[..14], placement.Page, Names(assigned)), newExperimentUser);
    }

    private static Dictionary<string, string>? Names(AssignedVariant[] assigned)
    {
        if (assigned.Length == 0)
        {
            return null;
        }

        var names = new Dictionary<string, string>(assigned.Length, StringComparer.Ordinal);
        foreach (var a in assigned)
        {
            names[a.Experiment.ExperimentId] = a.Definition.Name;
        }

        return names;
    }

    /// <summary>The newest unviewed videos of the creators the user follows, newest first.</summary>
    public Task<FollowedVideo[]> FollowingAsync(UserState user, int count) => FollowingFeed.GetAsync(grains, user, shards, count);
}

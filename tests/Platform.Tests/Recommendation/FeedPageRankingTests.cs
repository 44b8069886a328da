using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Recommendation;

/// <summary>The page rules of <see cref="FeedRanker"/>: full pages, no runs, per-request settings, deterministic scores, reasons.</summary>
public sealed class FeedPageRankingTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static Candidate Video(string id, string creator, long views = 100, long likes = 10, float[]? vector = null,
        CandidateSource source = CandidateSource.Trending, double co = 0, long impressions = 0, string? anchor = null) =>
        new(new CatalogVideo(id, creator, vector ?? [], Now.AddHours(-240), new VideoSignals(views, likes, views / 2, 0, 0, 0)), source, 0, co, impressions, anchor);

    private static FeedRanker.UserContext NewUser => new([], [], null, UserFeedHistory.None);

    [Fact]
    public void OneCreatorsCandidatesStillFillThePage()
    {
        var ranker = new FeedRanker(new FeedOptions { MaxPerCreator = 3 });
        var candidates = Enumerable.Range(0, 12).Select(i => Video($"v-{i}", "only", 100 + i, 10)).ToList();

        var page = ranker.Rank(NewUser, candidates, 10, Now, new Random(1));

        Assert.Equal(10, page.Length);
        Assert.Equal(10, page.Select(p => p.VideoId).Distinct().Count());
    }

    [Fact]
    public void TwoCreatorsAlternateRatherThanRunAndFillThePage()
    {
        var ranker = new FeedRanker(new FeedOptions { MaxPerCreator = 3 });
        var candidates = new List<Candidate>();
        for (var i = 0; i < 20; i++)
        {
            // The first creator's videos all score higher: without the run rule the page would open with a run.
            candidates.Add(Video($"a-{i}", "a", 5_000, 2_000));
            candidates.Add(Video($"b-{i}", "b", 100, 5));
        }

        var page = ranker.Rank(NewUser, candidates, 10, Now, new Random(1));

        Assert.Equal(10, page.Length);
        for (var i = 1; i < page.Length; i++)
        {
            Assert.NotEqual(page[i - 1].CreatorId, page[i].CreatorId);
        }
    }

    [Fact]
    public void ACreatorTheUserEngagedWithMayPassTheCapButOthersMayNot()
    {
        var ranker = new FeedRanker(new FeedOptions { MaxPerCreator = 3, ExploreShare = 0 });
        var candidates = new List<Candidate>();
        for (var i = 0; i < 10; i++)
        {
            candidates.Add(Video($"liked-{i}", "liked", 1_000, 300));
            candidates.Add(Video($"star-{i}", "star", 1_000, 300));
        }

        for (var i = 0; i < 20; i++)
        {
            candidates.Add(Video($"other-{i}", $"o{i}", 100, 5));
        }

        var user = new FeedRanker.UserContext([], [], new Dictionary<string, float> { ["liked"] = 1f });
        var page = ranker.Rank(user, candidates, 10, Now, new Random(1));

        Assert.Equal(10, page.Length);
        Assert.Equal(5, page.Count(p => p.CreatorId == "liked"));
        Assert.Equal(3, page.Count(p => p.CreatorId == "star"));
    }

    [Fact]
    public void SourcesTheRequestLeavesOutAreNeverServed()
    {
        var ranker = new FeedRanker(new FeedOptions());
        var candidates = new List<Candidate>();
        for (var i = 0; i < 10; i++)
        {
            candidates.Add(Video($"t-{i}", $"t{i}", 5_000, 2_000, source: CandidateSource.Trending));
            candidates.Add(Video($"f-{i}", $"f{i}", 0, 0, source: CandidateSource.Fresh));
        }

        var settings = ranker.Defaults with { Sources = [CandidateSource.Fresh, CandidateSource.Explore] };
        var page = ranker.Rank(NewUser, candidates, settings, 10, Now, new Random(1));

        Assert.Equal(10, page.Length);
        Assert.All(page, p => Assert.Equal(CandidateSource.Fresh, p.Source));
    }

    [Fact]
    public void ItemScoresCarryNoRandomDraw()
    {
        var ranker = new FeedRanker(new FeedOptions { ExploreShare = 0.3 });
        var candidates = new List<Candidate>();
        for (var i = 0; i < 30; i++)
        {
            candidates.Add(Video($"new-{i}", $"n{i}", 0, 0, source: CandidateSource.Explore, impressions: i));
            candidates.Add(Video($"old-{i}", $"o{i}", 2_000, 100 + i));
        }

        var scores = new Dictionary<string, double>();
        for (var seed = 0; seed < 20; seed++)
        {
            foreach (var item in ranker.Rank(NewUser, candidates, 10, Now, new Random(seed)))
            {
                Assert.Equal(scores.TryAdd(item.VideoId, item.Score) ? item.Score : scores[item.VideoId], item.Score);
            }
        }

        // The draws did change which new videos were explored: the samples decide the order, not the score.
        Assert.True(scores.Keys.Count(k => k.StartsWith("new-", StringComparison.Ordinal)) > 3);
    }

    [Fact]
    public void ExplorationGoesToTheLeastServedNewVideosFirst()
    {
        var ranker = new FeedRanker(new FeedOptions { ExploreMaxImpressions = 100 });
        var candidates = new List<Candidate>();
        for (var i = 0; i < 20; i++)
        {
            candidates.Add(Video($"old-{i}", $"o{i}", 5_000, 2_000));
        }

        // Same creator, same everything, except how often each was already served without a like.
        for (var i = 0; i < 10; i++)
        {
            candidates.Add(Video($"burst-{i}", "burst", 0, 0, source: CandidateSource.Explore, impressions: i == 0 ? 0 : 60));
        }

        var random = new Random(3);
        var explored = Enumerable.Range(0, 200)
            .SelectMany(_ => ranker.Rank(NewUser, candidates, 10, Now, random))
            .Where(p => p.VideoId.StartsWith("burst-", StringComparison.Ordinal))
            .GroupBy(p => p.VideoId)
            .ToDictionary(g => g.Key, g => g.Count());

        var fresh = explored.GetValueOrDefault("burst-0");
        var others = explored.Where(p => p.Key != "burst-0").Select(p => p.Value).DefaultIfEmpty(0).Max();
        Assert.True(fresh > 2 * others, $"the unserved upload was explored {fresh} times, the most-served ones up to {others}");
    }

    [Fact]
    public void ReasonsNameOnlyWhatTheUserDid()
    {
        var ranker = new FeedRanker(new FeedOptions { ExploreShare = 0 });
        var engaged = new Dictionary<string, EngagedVideo> { ["knife"] = new() { Title = "Knife skills", Liked = true, Viewed = true } };
        var history = new UserFeedHistory(engaged, new HashSet<string> { "chef" }, new HashSet<string>(), hasTaste: true);
        var user = new FeedRanker.UserContext([1, 0], [0, 0], new Dictionary<string, float> { ["chef"] = 1 }, history);
        var candidates = new List<Candidate>
        {
            Video("onion", "c1", co: 2, source: CandidateSource.CoEngagement, anchor: "knife"),
            Video("ghost", "c2", co: 2, source: CandidateSource.CoEngagement, anchor: "never-seen"),
            Video("soup", "chef", source: CandidateSource.Following),
            Video("hit", "c3", source: CandidateSource.Trending),
            Video("taste", "c4", source: CandidateSource.Personalized),
        };

        var reasons = ranker.Rank(user, candidates, 5, Now, new Random(1)).ToDictionary(p => p.VideoId, p => p.Reason!);
        var newcomer = ranker.Rank(NewUser, candidates, 5, Now, new Random(1));

        Assert.Equal(new FeedReason(FeedReasonKind.SimilarTo, "Because you liked Knife skills", VideoId: "knife"), reasons["onion"]);
        Assert.Equal(FeedReasonKind.Taste, reasons["ghost"].Kind);
        Assert.Equal(new FeedReason(FeedReasonKind.Creator, "Because you follow chef", CreatorId: "chef"), reasons["soup"]);
        Assert.Equal(FeedReasonKind.Trending, reasons["hit"].Kind);
        Assert.Equal(FeedReasonKind.Taste, reasons["taste"].Kind);
        Assert.All(newcomer, p => Assert.False(p.Reason!.IsPersonal, $"{p.VideoId} got {p.Reason}"));
        Assert.All(newcomer, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason!.Text)));
    }
}

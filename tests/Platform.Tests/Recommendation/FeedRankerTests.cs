using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Recommendation;

public sealed class FeedRankerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static Candidate Video(string id, string creator, long views, long likes, float[]? vector = null,
        CandidateSource source = CandidateSource.Trending, double co = 0, double ageHours = 240) =>
        new(new CatalogVideo(id, creator, vector ?? [], Now.AddHours(-ageHours), new VideoSignals(views, likes, views / 2, 0, 0, 0)), source, 0, co);

    private static FeedRanker.UserContext NewUser => new([], []);

    [Fact]
    public void NoCreatorGetsMoreThanItsShareOfAPage()
    {
        var ranker = new FeedRanker(new FeedOptions { MaxPerCreator = 3 });
        var candidates = new List<Candidate>();
        for (var i = 0; i < 30; i++)
        {
            candidates.Add(Video($"star-{i}", "star", 10_000, 5_000));
            candidates.Add(Video($"other-{i}", $"creator-{i}", 100, 5));
        }

        var page = ranker.Rank(NewUser, candidates, 10, Now, new Random(1));

        Assert.Equal(10, page.Length);
        Assert.Equal(3, page.Count(p => p.CreatorId == "star"));
        Assert.Equal(10, page.Select(p => p.VideoId).Distinct().Count());
    }

    [Fact]
    public void NearDuplicateEmbeddingsArePushedDownThePage()
    {
        float[] cats = [1, 0, 0, 0];
        float[] cars = [0, 1, 0, 0];
        var candidates = new List<Candidate>
        {
            Video("cat-1", "a", 1000, 400, cats),
            Video("cat-2", "b", 1000, 390, cats),
            Video("car-1", "c", 1000, 300, cars),
        };

        var diverse = new FeedRanker(new FeedOptions { DiversityPenalty = 1f, ExploreShare = 0 }).Rank(NewUser, candidates, 2, Now, new Random(1));
        var plain = new FeedRanker(new FeedOptions { DiversityPenalty = 0f, ExploreShare = 0 }).Rank(NewUser, candidates, 2, Now, new Random(1));

        Assert.Equal(["cat-1", "cat-2"], plain.Select(p => p.VideoId));
        Assert.Equal(["cat-1", "car-1"], diverse.Select(p => p.VideoId));
    }

    [Fact]
    public void EveryNewVideoReachesAnAudienceWithinABoundedNumberOfFeeds()
    {
        var ranker = new FeedRanker(new FeedOptions());
        var candidates = new List<Candidate>();
        for (var i = 0; i < 40; i++)
        {
            candidates.Add(Video($"hit-{i}", $"c{i}", 5_000, 2_000));
        }

        for (var i = 0; i < 10; i++)
        {
            candidates.Add(Video($"new-{i}", $"n{i}", 0, 0, source: CandidateSource.Explore, ageHours: 1));
        }

        var random = new Random(11);
        var firstFeed = new Dictionary<string, int>();
        for (var feed = 1; feed <= 100; feed++)
        {
            foreach (var item in ranker.Rank(NewUser, candidates, 10, Now, random))
            {
                firstFeed.TryAdd(item.VideoId, feed);
            }
        }

        // One explore slot per page of 10 over 10 new videos: each is served within 100 feeds
        // (a miss would take odds below 1 in 3,000 with these Thompson samples).
        for (var i = 0; i < 10; i++)
        {
            Assert.True(firstFeed.ContainsKey($"new-{i}"), $"new-{i} was never served in 100 feeds");
        }
    }

    [Fact]
    public void ANewVideoPeopleLikeWinsExplorationOverNewVideosTheyDoNot()
    {
        var ranker = new FeedRanker(new FeedOptions());
        var candidates = new List<Candidate> { Video("loved", "a", 10, 9, source: CandidateSource.Explore, ageHours: 1) };
        for (var i = 0; i < 9; i++)
        {
            candidates.Add(Video($"meh-{i}", $"m{i}", 10, 0, source: CandidateSource.Explore, ageHours: 1));
        }

        for (var i = 0; i < 20; i++)
        {
            candidates.Add(Video($"hit-{i}", $"c{i}", 5_000, 2_000));
        }

        var random = new Random(5);
        var served = Enumerable.Range(0, 50).Count(_ => ranker.Rank(NewUser, candidates, 10, Now, random).Any(p => p.VideoId == "loved"));

        Assert.True(served >= 45, $"the loved new video made {served} of 50 feeds");
    }

    [Fact]
    public void CoEngagementRaisesAVideoAboveAnOtherwiseEqualOne()
    {
        var ranker = new FeedRanker(new FeedOptions { ExploreShare = 0 });
        var candidates = new List<Candidate>
        {
            Video("plain", "a", 100, 10),
            Video("neighbour", "b", 100, 10, source: CandidateSource.CoEngagement, co: 3),
        };

        Assert.Equal("neighbour", ranker.Rank(NewUser, candidates, 1, Now, new Random(1))[0].VideoId);
    }
}

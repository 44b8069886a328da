using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Options;

namespace Platform.Tests.Catalog;

public sealed class CandidateIndexTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static CatalogVideo Video(string id, long views, float[]? vector = null) =>
        new(id, $"creator-{id}", vector ?? [1, 0, 0, 0], Now.AddDays(-3), new VideoSignals(views, views / 10, 0, 0, 0, 0));

    private static CandidateQuery Query(string[]? recent = null) => new([0, 1, 0, 0], [], [], [], 7, recent);

    [Fact]
    public void ABrandNewVideoIsProposedForExplorationAheadOfOlderUnderexposedOnes()
    {
        var index = new CandidateIndex(new CatalogOptions(), new FeedOptions());
        for (var i = 0; i < 2000; i++)
        {
            index.Upsert(Video($"old-{i}", 5 + i % 40), Now);
        }

        index.Upsert(Video("brand-new", 0), Now);

        for (var feed = 0; feed < 5; feed++)
        {
            Assert.Contains(index.Query(Query(), Now), c => c.Video.VideoId == "brand-new" && c.Source == CandidateSource.Explore);
        }
    }

    [Fact]
    public void ExplorationCountsImpressionsNotViews()
    {
        var index = new CandidateIndex(new CatalogOptions(), new FeedOptions { ExploreMaxImpressions = 100 }, random: new Random(4));
        for (var i = 0; i < 10; i++)
        {
            index.Upsert(Video($"burst-{i}", 0), Now);
        }

        // Nine of the ten were served often (nobody watched them yet); exploration moves on to the tenth.
        for (var i = 1; i < 10; i++)
        {
            index.RecordImpressions($"burst-{i}", 40);
        }

        var explored = index.Query(new CandidateQuery([], [], [], [], 1), Now).Where(c => c.Source == CandidateSource.Explore).ToList();

        Assert.Equal("burst-0", Assert.Single(explored).Video.VideoId);
        Assert.Equal(40, index.ImpressionsOf("burst-3"));
        Assert.Equal(40, index.Query(new CandidateQuery([], [], [], [], 10), Now).Single(c => c.Video.VideoId == "burst-3").Impressions);
    }

    [Fact]
    public void ImpressionsSurviveASnapshot()
    {
        var catalog = new CatalogOptions { SnapshotPages = 1 };
        var index = new CandidateIndex(catalog, new FeedOptions());
        index.Upsert(Video("v", 0), Now);
        index.RecordImpressions("v", 17);

        var page = index.SnapshotPage(0);
        var restored = new CandidateIndex(catalog, new FeedOptions());
        foreach (var video in page.Videos)
        {
            restored.Upsert(video, Now);
        }

        restored.RestoreImpressions(page.Videos[0].VideoId, page.Impressions[0]);
        Assert.Equal(17, restored.ImpressionsOf("v"));
    }

    [Fact]
    public void CoEngagementEdgesTheShardKeepsAreInItsNextSnapshot()
    {
        // This shard holds "local" only: it keeps the edges that point at it, whichever side of the pair it was.
        var index = new CandidateIndex(new CatalogOptions { SnapshotPages = 8 }, new FeedOptions());
        index.Upsert(Video("local", 100), Now);
        var pages = new List<int>();
        index.TakeChangedPages(int.MaxValue, pages);
        pages.Clear();

        index.RecordCoEngagement([new CoEngagementRecord("local", ["elsewhere"]), new CoEngagementRecord("later", ["local"]), new CoEngagementRecord("x", ["y"])]);
        index.TakeChangedPages(int.MaxValue, pages);

        var written = pages.SelectMany(p => index.SnapshotPage(p).CoEngagement).Select(e => (e.Anchor, e.Target)).Order().ToArray();
        Assert.Equal([("elsewhere", "local"), ("later", "local")], written);
    }

    [Fact]
    public void CoEngagementCandidatesNameTheRecentVideoThatBroughtThem()
    {
        var index = new CandidateIndex(new CatalogOptions(), new FeedOptions());
        foreach (var id in new[] { "weak", "strong", "next" })
        {
            index.Upsert(Video(id, 100), Now);
        }

        index.RecordCoEngagement([new CoEngagementRecord("next", ["strong"]), new CoEngagementRecord("next", ["strong"]), new CoEngagementRecord("next", ["weak"])]);

        var next = index.Query(Query(["weak", "strong"]), Now).Single(c => c.Video.VideoId == "next");

        Assert.Equal("strong", next.Anchor);
    }

    [Fact]
    public void CoEngagementNeighboursOfRecentVideosAreProposedWithTheirScore()
    {
        var index = new CandidateIndex(new CatalogOptions(), new FeedOptions());
        index.Upsert(Video("seen", 100), Now);
        index.Upsert(Video("next", 100), Now);
        index.Upsert(Video("unrelated", 100), Now);
        index.RecordCoEngagement([new CoEngagementRecord("next", ["seen"])]);

        var candidates = index.Query(Query(["seen"]), Now);

        var next = Assert.Single(candidates, c => c.Video.VideoId == "next");
        Assert.Equal(CandidateSource.CoEngagement, next.Source);
        Assert.True(next.CoEngagement > 0);
        Assert.Equal(0, Assert.Single(candidates, c => c.Video.VideoId == "unrelated").CoEngagement);
    }

    [Fact]
    public void LargeShardSwitchesToClusteredRetrievalAndStillFindsTheClosestVideos()
    {
        var index = new CandidateIndex(new CatalogOptions { ClusteredRetrievalThreshold = 1000 }, new FeedOptions());
        var random = new Random(2);
        for (var i = 0; i < 3000; i++)
        {
            float[] v = [(float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()];
            index.Upsert(Video($"v-{i}", 100, v), Now);
        }

        index.Upsert(Video("exact-match", 100, [0, 5, 0, 0]), Now);

        Assert.True(index.UsesClusters);
        Assert.Contains(index.Query(Query(), Now), c => c.Video.VideoId == "exact-match" && c.Source == CandidateSource.Personalized);
    }
}

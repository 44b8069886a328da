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

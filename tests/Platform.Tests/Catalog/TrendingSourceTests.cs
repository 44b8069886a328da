using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Catalog;

public sealed class TrendingSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TrendingCandidatesAreTheHighestDecayedVelocitiesAtQueryTime()
    {
        var catalog = new CatalogOptions { TrendingHalfLife = TimeSpan.FromMinutes(30), FreshWindow = TimeSpan.FromHours(1) };
        var index = new CandidateIndex(catalog, new FeedOptions());
        var random = new Random(5);
        var expected = new Dictionary<string, double>();
        for (var i = 0; i < 300; i++)
        {
            var video = Video($"tv-{i}");
            index.Upsert(video, Now - TimeSpan.FromHours(3));
            // Engagement reported at different times: an old burst can outrank or fall behind a recent trickle.
            var reportedAt = Now - TimeSpan.FromMinutes(random.Next(0, 180));
            var engagement = random.Next(0, 4) == 0 ? 0 : random.NextDouble() * 100;
            index.Report(video.VideoId, video.Vector, video.Signals with { RecentEngagement = engagement }, reportedAt);
            expected[video.VideoId] = engagement * Math.Pow(0.5, (Now - reportedAt).TotalMinutes / 30);
        }

        var candidates = index.Query(Query(limit: 12), Now);

        var trending = candidates.Where(c => c.Source == CandidateSource.Trending).Select(c => c.Video.VideoId).ToList();
        var best = expected.Where(e => e.Value > 0).OrderByDescending(e => e.Value).Take(12).Select(e => e.Key).ToList();
        Assert.Equal(best, trending);
        Assert.All(candidates.Where(c => c.Source == CandidateSource.Trending), c => Assert.Equal(expected[c.Video.VideoId], c.Trending, 6));
    }

    [Fact]
    public void TakenDownOrExcludedVideosLeaveTheTrendingSource()
    {
        var index = new CandidateIndex(new CatalogOptions { FreshWindow = TimeSpan.FromHours(1) }, new FeedOptions());
        for (var i = 0; i < 5; i++)
        {
            var video = Video($"tx-{i}");
            index.Upsert(video, Now - TimeSpan.FromHours(3));
            index.Report(video.VideoId, video.Vector, video.Signals with { RecentEngagement = 10 * (i + 1) }, Now);
        }

        index.Remove("tx-4");
        var candidates = index.Query(Query(limit: 2, exclude: ["tx-3"]), Now);

        Assert.Equal(["tx-2", "tx-1"], candidates.Where(c => c.Source == CandidateSource.Trending).Select(c => c.Video.VideoId));
    }

    private static CatalogVideo Video(string id) =>
        new(id, $"c-{id}", [.. Enumerable.Range(0, 32).Select(i => (float)Math.Sin(id.GetHashCode(StringComparison.Ordinal) + i) * 0.1f)], Now - TimeSpan.FromHours(3), new VideoSignals(500, 10, 100, 5, 1, 0));

    /// <summary>A query that only the trending source answers: no user vector, no follows, nothing fresh or unexplored.</summary>
    private static CandidateQuery Query(int limit, string[]? exclude = null) =>
        new(new float[32], new float[32], [], ExclusionFilter.Create(exclude ?? []), limit);
}

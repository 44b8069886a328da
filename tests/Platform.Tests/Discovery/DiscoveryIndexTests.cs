using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Search;

namespace Platform.Tests.Discovery;

/// <summary>One shard's discovery index on its own: no Orleans, a manual clock.</summary>
public sealed class DiscoveryIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly SearchOptions Options = new();
    private static readonly CatalogOptions Catalog = new() { TrendingHalfLife = TimeSpan.FromMinutes(30) };
    private readonly ManualTime _time = new(Start);

    [Fact]
    public void NewVideoIsSearchableOnceTheReaderIsOlderThanTheRefreshInterval()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        index.Upsert(Video("v-1", "Knife skills"));
        _time.Advance(Options.RefreshInterval);
        Assert.Equal(["v-1"], Ids(index.Search("knife", 10)));

        index.Upsert(Video("v-2", "Knife sharpening"));
        _time.Advance(Options.RefreshInterval / 2);
        Assert.Equal(["v-1"], Ids(index.Search("knife", 10)));

        _time.Advance(Options.RefreshInterval / 2);
        Assert.Equal(["v-1", "v-2"], Ids(index.Search("knife", 10)).Order());
    }

    [Fact]
    public void RemovedVideoLeavesResultsBeforeAnyRefresh()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        index.Upsert(Video("v-1", "Knife skills", "cooking"));
        index.Upsert(Video("v-2", "Knife care", "cooking"));
        index.Refresh();
        index.Upsert(Video("v-3", "unrelated"));

        Assert.True(index.Remove("v-1"));

        // The reader is younger than the refresh interval and still holds v-1's document.
        Assert.Equal(["v-2"], Ids(index.Search("knife", 10)));
        Assert.Equal(["v-2"], Ids(index.TagVideos("cooking", 10, _time.GetUtcNow())));
        Assert.Equal([new TrendingTag("cooking", 0, 1)], index.TagStats(["cooking"], _time.GetUtcNow()));
        Assert.False(index.Remove("v-1"));
    }

    [Fact]
    public void ReannouncingAnUnchangedVideoKeepsOneDocument()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        for (var i = 0; i < 3; i++)
        {
            index.Upsert(Video("v-1", "Knife skills"));
            index.Refresh();
        }

        Assert.Equal(["v-1"], Ids(index.Search("knife", 10)));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void SearchScoreIsRelevanceTimesABoundedEngagementBoost()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        index.Upsert(Video("quiet", "Knife skills"));
        index.Upsert(Video("liked", "Knife skills"));
        index.Refresh();
        var equal = index.Search("knife", 10);
        Assert.Equal(equal[0].Score, equal[1].Score);

        index.Report("liked", new VideoSignals(10_000, 5_000, 0, 0, 1_000, 0), _time.GetUtcNow());
        var ranked = index.Search("knife", 10);

        Assert.Equal(["liked", "quiet"], Ids(ranked));
        Assert.InRange(ranked[0].Score / ranked[1].Score, 1.01, EngagementBoost.Max(Options));
    }

    [Fact]
    public void TopOfAQueryIsThePrefixOfItsFullRanking()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        var random = new Random(11);
        string[] words = ["knife", "skills", "pasta", "garden", "cooking", "quick", "easy", "dinner"];
        for (var i = 0; i < 500; i++)
        {
            var title = string.Join(' ', Enumerable.Range(0, 1 + random.Next(5)).Select(_ => words[random.Next(words.Length)]));
            index.Upsert(Video($"v-{i}", title));
            index.Report($"v-{i}", new VideoSignals(random.Next(1000), random.Next(100), 0, 0, random.Next(10), 0), _time.GetUtcNow());
        }

        index.Refresh();
        var all = index.Search("knife cooking", 500);

        Assert.True(all.Length > 20);
        Assert.Equal(Ids(all).Take(20), Ids(index.Search("knife cooking", 20)));
        Assert.Equal(all.OrderByDescending(h => h.Score).Select(h => h.Score), all.Select(h => h.Score));
    }

    [Fact]
    public void TagTrendsDecayWithTheTrendingHalfLife()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        index.Upsert(Video("v-1", "a", "Cooking"));
        index.Upsert(Video("v-2", "b", "cooking", "howto"));
        index.Upsert(Video("v-3", "c", "howto"));
        index.Report("v-1", VideoSignals.None with { RecentEngagement = 40 }, _time.GetUtcNow());
        index.Report("v-3", VideoSignals.None with { RecentEngagement = 10 }, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(30));
        index.Report("v-3", VideoSignals.None with { RecentEngagement = 20 }, _time.GetUtcNow());

        var now = _time.GetUtcNow();
        Assert.Equal([new TrendingTag("howto", 25, 2), new TrendingTag("cooking", 20, 2)], index.TrendingTags(10, now));
        Assert.Equal(["v-3", "v-2"], Ids(index.TagVideos("HowTo", 10, now)));
        Assert.Equal([new TrendingTag("howto", 25, 2)], index.TrendingTags(1, now));
    }

    [Fact]
    public void TagTrendsFollowReportsAndRemovalsAtOnce()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        index.Upsert(Video("v-1", "a", "cooking"));
        index.Upsert(Video("v-2", "b", "garden"));
        index.Report("v-2", VideoSignals.None with { RecentEngagement = 10 }, _time.GetUtcNow());
        Assert.Equal(["garden", "cooking"], index.TrendingTags(10, _time.GetUtcNow()).Select(t => t.Tag));

        _time.Advance(TimeSpan.FromSeconds(1));
        index.Report("v-1", VideoSignals.None with { RecentEngagement = 50 }, _time.GetUtcNow());
        Assert.Equal(["cooking", "garden"], index.TrendingTags(10, _time.GetUtcNow()).Select(t => t.Tag));

        index.Remove("v-1");
        var garden = Assert.Single(index.TrendingTags(10, _time.GetUtcNow()));
        Assert.Equal(("garden", 1), (garden.Tag, garden.Videos));
        Assert.Equal(10 * Math.Pow(0.5, 1.0 / 1800), garden.Score, 12);
    }

    [Fact]
    public void TagTrendsStayExactAcrossManyHalfLives()
    {
        using var index = new DiscoveryIndex(Options, Catalog, _time);
        index.Upsert(Video("v-1", "a", "cooking"));
        index.Upsert(Video("v-2", "b", "cooking"));
        index.Report("v-1", VideoSignals.None with { RecentEngagement = 8 }, _time.GetUtcNow());

        // 100 half-lives later (past the epoch's rebase): the old velocity has decayed to nothing, the new one is whole.
        _time.Advance(TimeSpan.FromMinutes(30 * 100));
        index.Report("v-2", VideoSignals.None with { RecentEngagement = 4 }, _time.GetUtcNow());
        var trend = Assert.Single(index.TrendingTags(10, _time.GetUtcNow()));
        Assert.Equal(4 + (8 * Math.Pow(0.5, 100)), trend.Score, 12);

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(2, Assert.Single(index.TagStats(["cooking"], _time.GetUtcNow())).Score, 12);
        Assert.Equal(["v-2", "v-1"], Ids(index.TagVideos("cooking", 10, _time.GetUtcNow())));
    }

    private static CatalogVideo Video(string id, string title, params string[] tags) =>
        new(id, "c-1", [0.1f], Start, VideoSignals.None) { Title = title, Tags = tags };

    private static string[] Ids(SearchHit[] hits) => [.. hits.Select(h => h.VideoId)];
}

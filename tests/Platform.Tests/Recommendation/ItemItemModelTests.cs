using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Recommendation;

public sealed class ItemItemModelTests
{
    private const int Window = 20;
    private const float Decay = 0.8f;

    /// <summary>Replays each user's videos in order into <paramref name="index"/>, as the shards record them.</summary>
    private static void Watch(CoEngagementIndex index, IEnumerable<string[]> users)
    {
        foreach (var videos in users)
        {
            var recent = new List<string>();
            foreach (var video in videos)
            {
                index.Record(video, recent, Window, Decay);
                recent.Insert(0, video);
            }
        }
    }

    private static async Task<ItemItemModel> BuildAsync(CoEngagementIndex index, int maxItems = 1000) =>
        (await ItemModelRefresh.BuildAsync(
            1,
            (_, count) => Task.FromResult(index.MostEngagedTargets(count)),
            (_, items) => Task.FromResult(index.EdgesAmong(items)),
            new ItemModelOptions { Weight = 1, MaxItems = maxItems }))!;

    private static Dictionary<string, float> Scores(ItemItemModel model, params string[] anchors)
    {
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        model.Accumulate(anchors, CoEngagementIndex.RecencyWeights(anchors.Length, Decay), 1f, scores);
        return scores;
    }

    /// <summary>Two tastes: users watch three of {a, b, c, d} or three of {w, x, y, z}, in a seeded order.</summary>
    private static List<string[]> TwoTastes(int users, int seed)
    {
        var random = new Random(seed);
        string[][] groups = [["a", "b", "c", "d"], ["w", "x", "y", "z"]];
        var result = new List<string[]>();
        for (var u = 0; u < users; u++)
        {
            result.Add([.. groups[u % 2].OrderBy(_ => random.Next()).Take(3)]);
        }

        return result;
    }

    [Fact]
    public async Task RanksTheHeldOutCoWatchedVideoFirst()
    {
        var index = new CoEngagementIndex(200);
        Watch(index, TwoTastes(200, seed: 7));

        var model = await BuildAsync(index);
        var scores = Scores(model, "b", "a");

        var best = scores.Where(s => s.Key is not ("a" or "b")).MaxBy(s => s.Value).Key;
        Assert.True(best is "c" or "d", $"best was {best}");
        Assert.True(scores.GetValueOrDefault("c") > scores.GetValueOrDefault("x"));
        Assert.True(scores.GetValueOrDefault("d") > scores.GetValueOrDefault("y"));
    }

    [Fact]
    public async Task RefreshCoversOnlyTheMostEngagedVideosAndItsMatrixIsBoundedByThem()
    {
        var random = new Random(11);
        var users = new List<string[]>();
        for (var u = 0; u < 300; u++)
        {
            // Video i is watched about 1/(i+1) as often as video 0: a long tail of 60 videos.
            users.Add([.. Enumerable.Range(0, 5).Select(_ => "v" + (int)Math.Floor(Math.Pow(60, random.NextDouble()) - 1))]);
        }

        var index = new CoEngagementIndex(200);
        Watch(index, users);

        var model = await BuildAsync(index, maxItems: 10);

        Assert.Equal(10, model.Count);
        Assert.Equal(10L * 10 * sizeof(float), model.MatrixBytes);
        var mostEngaged = index.MostEngagedTargets(10).Select(a => a.VideoId).ToHashSet();
        Assert.Equal(mostEngaged, model.Items.ToHashSet());
        Assert.Contains("v0", model.Items);
    }

    [Fact]
    public async Task VideosOutsideTheModelGetNoScoreAndUncoveredAnchorsAddNothing()
    {
        var index = new CoEngagementIndex(200);
        Watch(index, TwoTastes(200, seed: 3));
        var model = await BuildAsync(index, maxItems: 8);

        // A video watched once, after the refresh: co-engagement knows it, the model does not.
        Watch(index, [["a", "cold"]]);
        var fromCovered = Scores(model, "a");
        var fromCold = Scores(model, "cold");

        Assert.False(model.Contains("cold"));
        Assert.DoesNotContain("cold", fromCovered.Keys);
        Assert.Empty(fromCold);
        Assert.True(index.Weight("a", "cold") > 0);
    }

    [Fact]
    public async Task ModelBuiltFromShardsEqualsTheModelOfTheWholeRelation()
    {
        // Each shard keeps the edges pointing at its own videos, as catalog shards do; the refresh asks them all.
        var users = TwoTastes(120, seed: 5);
        var whole = new CoEngagementIndex(200);
        Watch(whole, users);
        var shards = new[] { new CoEngagementIndex(200), new CoEngagementIndex(200) };
        for (var s = 0; s < shards.Length; s++)
        {
            var shard = s;
            foreach (var videos in users)
            {
                var recent = new List<string>();
                foreach (var video in videos)
                {
                    shards[shard].Record(video, recent, Window, Decay, v => IdHash.Shard(v, 2) == shard);
                    recent.Insert(0, video);
                }
            }
        }

        var options = new ItemModelOptions { Weight = 1 };
        var split = (await ItemModelRefresh.BuildAsync(
            2,
            (s, count) => Task.FromResult(shards[s].MostEngagedTargets(count)),
            (s, items) => Task.FromResult(shards[s].EdgesAmong(items)),
            options))!;
        var single = await BuildAsync(whole);

        Assert.Equal(single.Items.ToHashSet(), split.Items.ToHashSet());
        foreach (var a in single.Items)
        {
            foreach (var t in single.Items)
            {
                Assert.Equal(single.Weight(a, t), split.Weight(a, t), 4);
            }
        }
    }

    [Fact]
    public async Task NoModelFromFewerThanTwoVideos()
    {
        var index = new CoEngagementIndex(200);
        var model = await ItemModelRefresh.BuildAsync(
            1,
            (_, count) => Task.FromResult(index.MostEngagedTargets(count)),
            (_, items) => Task.FromResult(index.EdgesAmong(items)),
            new ItemModelOptions { Weight = 1 });

        Assert.Null(model);
    }

    [Theory]
    [InlineData(-1f, 1000, 0.5)]
    [InlineData(1f, 1, 0.5)]
    [InlineData(1f, 10_000, 0.5)]
    [InlineData(1f, 1000, 0.0)]
    public void ValidatorRefusesOptionsThatCannotWork(float weight, int maxItems, double ridge)
    {
        var result = new ItemModelOptionsValidator().Validate(null, new ItemModelOptions { Weight = weight, MaxItems = maxItems, Ridge = ridge });

        Assert.True(result.Failed);
    }
}

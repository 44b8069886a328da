using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Catalog;

public sealed class CoEngagementIndexTests
{
    private static Dictionary<string, float> Scores(CoEngagementIndex index, params string[] anchors)
    {
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        index.Accumulate(anchors, CoEngagementIndex.RecencyWeights(anchors.Length, 0.8f), scores);
        return scores;
    }

    [Fact]
    public void VideosEngagedTogetherBecomeNeighboursBothWays()
    {
        var index = new CoEngagementIndex(100);
        index.Record("b", ["a"], window: 20, decay: 0.8f);

        Assert.Equal(1f, index.Weight("a", "b"));
        Assert.Equal(1f, index.Weight("b", "a"));
    }

    [Fact]
    public void NearerPairsWeighMoreThanDistantOnes()
    {
        var index = new CoEngagementIndex(100);
        index.Record("new", ["latest", "older", "oldest"], window: 20, decay: 0.5f);

        Assert.Equal(1f, index.Weight("latest", "new"));
        Assert.Equal(0.5f, index.Weight("older", "new"));
        Assert.Equal(0.25f, index.Weight("oldest", "new"));
    }

    [Fact]
    public void NeighboursOfRecentVideosOutscoreUnrelatedVideos()
    {
        var index = new CoEngagementIndex(100);
        for (var u = 0; u < 5; u++)
        {
            index.Record("pasta", ["pizza"], 20, 0.8f);
        }

        index.Record("tractor", ["combine"], 20, 0.8f);

        var scores = Scores(index, "pizza");

        Assert.True(scores.GetValueOrDefault("pasta") > 0);
        Assert.Equal(0, scores.GetValueOrDefault("tractor"));
    }

    [Fact]
    public void EachVideoKeepsAtMostItsNeighbourLimitForgettingTheWeakest()
    {
        var index = new CoEngagementIndex(maxNeighbours: 3);
        index.Add("a", "strong", 5);
        index.Add("a", "medium", 3);
        index.Add("a", "weak", 1);
        index.Add("a", "newcomer", 2);

        Assert.Equal(0, index.Weight("a", "weak"));
        Assert.Equal(5, index.Weight("a", "strong"));
        Assert.Equal(2, index.Weight("a", "newcomer"));
        Assert.Equal(3, index.Edges().Count(e => e.Anchor == "a"));
    }

    [Fact]
    public void IndexKeepsAtMostItsEdgeLimitForgettingTheLeastRecentlyEngagedAnchors()
    {
        var index = new CoEngagementIndex(maxNeighbours: 10, maxEdges: 1_000);
        var forgotten = new HashSet<string>();
        index.AnchorForgotten = anchor => forgotten.Add(anchor);
        for (var v = 0; v < 20_000; v++)
        {
            index.Record($"v{v}", [$"v{v - 1}", $"v{v - 2}", $"v{v - 3}"], window: 20, decay: 0.8f);
            Assert.InRange(index.EdgeCount, 0, 1_000 + 1_000 / 8);
        }

        Assert.Equal(index.EdgeCount, index.Edges().Count());
        Assert.Contains("v0", forgotten);
        Assert.DoesNotContain(index.Edges(), e => forgotten.Contains(e.Anchor));
        Assert.True(index.Weight("v19998", "v19999") > 0, "the most recent pairs are kept");
        Assert.Equal(0, index.Weight("v0", "v1"));
        Assert.DoesNotContain(index.Edges(), e => e.Anchor == "v5");
    }

    [Fact]
    public void AnAnchorStillEngagedWithKeepsItsEdgesWhileStaleAnchorsAreForgotten()
    {
        var index = new CoEngagementIndex(maxNeighbours: 50, maxEdges: 200);
        index.Add("evergreen", "partner", 1);
        for (var v = 0; v < 5_000; v++)
        {
            index.Add($"a{v}", $"t{v}", 1);
            if (v % 50 == 0)
            {
                index.Add("evergreen", "partner", 1);
            }
        }

        Assert.True(index.Weight("evergreen", "partner") > 0);
        Assert.Equal(0, index.Weight("a0", "t0"));
    }

    [Fact]
    public void EachIdIsStoredOnceAndForgottenIdsAreReleased()
    {
        var index = new CoEngagementIndex(maxNeighbours: 200, maxEdges: 500);

        // Every message brings fresh string instances of the same ids.
        for (var round = 0; round < 50; round++)
        {
            for (var v = 0; v < 20; v++)
            {
                index.Record(new string($"hot{v}".AsSpan()), [new string($"hot{(v + 1) % 20}".AsSpan())], 20, 0.8f);
            }
        }

        Assert.Equal(20, index.IdCount);
        var distinct = index.Edges().SelectMany(e => new[] { e.Anchor, e.Target }).Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.Equal(20, distinct);

        // A stream of ever-new videos: the id pool stays within a small multiple of what the edges name.
        for (var v = 0; v < 100_000; v++)
        {
            index.Record($"new{v}", [$"new{v - 1}"], 20, 0.8f);
        }

        Assert.InRange(index.IdCount, 1, 4_096);
    }

    [Fact]
    public void IdsHeldAreExactlyTheIdsTheEdgesNameThroughAddsEvictionsAndTakedowns()
    {
        // Ids are reference-counted: after any mix of records (past both limits), takedowns and fresh string
        // instances, the index holds exactly the ids its edges name, each as one string instance, and none once
        // every video is gone.
        var random = new Random(20261202);
        var index = new CoEngagementIndex(maxNeighbours: 8, maxEdges: 400, halfLife: TimeSpan.FromDays(1));
        var videos = Enumerable.Range(0, 300).Select(v => $"v{v}").ToArray();
        var at = DateTimeOffset.UnixEpoch;
        for (var step = 0; step < 20_000; step++)
        {
            if (random.Next(50) == 0)
            {
                index.Remove(videos[random.Next(videos.Length)]);
            }
            else
            {
                var recent = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new string(videos[random.Next(videos.Length)].AsSpan())).ToArray();
                index.Advance(at = at.AddMinutes(random.Next(30)));
                index.Record(new string(videos[random.Next(videos.Length)].AsSpan()), recent, 20, 0.8f);
            }

            if (step % 1_000 == 0)
            {
                AssertIdsAreTheEdges();
            }
        }

        AssertIdsAreTheEdges();
        foreach (var video in videos)
        {
            index.Remove(video);
        }

        Assert.Equal(0, index.IdCount);
        Assert.Equal(0, index.EdgeCount);
        Assert.Equal(0, index.Anchors);

        void AssertIdsAreTheEdges()
        {
            var edges = index.Edges().ToList();
            var named = edges.SelectMany(e => new[] { e.Anchor, e.Target }).ToList();
            Assert.Equal(named.Distinct(StringComparer.Ordinal).Count(), index.IdCount);
            Assert.Equal(index.IdCount, named.Distinct(ReferenceEqualityComparer.Instance).Count());
            Assert.Equal(edges.Count, index.EdgeCount);
            Assert.Equal(edges.Select(e => e.Anchor).Distinct().Count(), index.Anchors);
        }
    }

    [Fact]
    public void AShardKeepsOnlyEdgesPointingAtItsOwnVideos()
    {
        var local = new HashSet<string> { "mine" };
        var index = new CoEngagementIndex(100);
        index.Record("mine", ["theirs"], 20, 0.8f, local.Contains);
        index.Record("theirs", ["mine"], 20, 0.8f, local.Contains);

        Assert.All(index.Edges(), e => Assert.Equal("mine", e.Target));
        Assert.Equal(2f, index.Weight("theirs", "mine"));
    }

    [Fact]
    public void TakenDownVideoLeavesEveryNeighbourList()
    {
        var index = new CoEngagementIndex(100);
        index.Record("b", ["a", "c"], 20, 0.8f);
        index.Remove("b");

        Assert.DoesNotContain(index.Edges(), e => e.Anchor == "b" || e.Target == "b");
    }

    [Fact]
    public void OnlyWantedEngagementCountsAsCoEngagement()
    {
        Assert.True(CoEngagementIndex.IsPositive(EngagementType.Like, 0, 30_000, 0.5f));
        Assert.True(CoEngagementIndex.IsPositive(EngagementType.View, 20_000, 30_000, 0.5f));
        Assert.False(CoEngagementIndex.IsPositive(EngagementType.View, 3_000, 30_000, 0.5f));
        Assert.False(CoEngagementIndex.IsPositive(EngagementType.Skip, 30_000, 30_000, 0.5f));
    }

    [Fact]
    public void NeighbourLimitKeepsWhatAFullScanForTheWeakestWouldKeepUnderRandomAddsAndRemovals()
    {
        // A plain model of the rule: a new target of a full anchor pushes out its weakest other target.
        // Random weights with 16 fractional bits: no two of them tie for this seed, so both must agree exactly.
        const int capacity = 16;
        var random = new Random(20261201);
        var index = new CoEngagementIndex(capacity);
        var model = new Dictionary<string, Dictionary<string, double>>();
        var anchors = Enumerable.Range(0, 5).Select(i => $"a{i}").ToArray();
        for (var step = 0; step < 20_000; step++)
        {
            var anchor = anchors[random.Next(anchors.Length)];
            var target = $"t{random.Next(60)}";
            var edges = model.TryGetValue(anchor, out var e) ? e : model[anchor] = [];
            if (random.Next(20) == 0)
            {
                index.Remove(target);
                foreach (var m in model.Values)
                {
                    m.Remove(target);
                }

                continue;
            }

            var weight = 1f + random.Next(1 << 16) / 65536f;
            index.Add(anchor, target, weight);
            if (edges.ContainsKey(target))
            {
                edges[target] += weight;
            }
            else
            {
                edges[target] = weight;
                if (edges.Count > capacity)
                {
                    var weakest = edges.Where(p => p.Key != target).MinBy(p => p.Value).Key;
                    edges.Remove(weakest);
                }
            }

            if (step % 997 == 0)
            {
                AssertSame();
            }
        }

        AssertSame();

        void AssertSame()
        {
            foreach (var anchor in anchors)
            {
                var expected = model.GetValueOrDefault(anchor) ?? [];
                var actual = index.NeighboursOf(anchor).ToDictionary(p => p.Key, p => p.Value);
                Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
                foreach (var (target, weight) in expected)
                {
                    Assert.Equal(weight, actual[target], 0.01);
                    Assert.Equal((float)weight, index.Weight(anchor, target), 0.01f);
                }
            }

            Assert.Equal(model.Values.Sum(m => m.Count), index.EdgeCount);
        }
    }
}

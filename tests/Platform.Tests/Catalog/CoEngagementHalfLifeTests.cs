using Platform.Grains.Recommendation;

namespace Platform.Tests.Catalog;

public sealed class CoEngagementHalfLifeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);

    [Fact]
    public void AnEdgeRecordedOneHalfLifeAgoCountsHalfAsMuchAsANewOne()
    {
        var index = new CoEngagementIndex(100, halfLife: HalfLife);
        index.Advance(Start);
        index.Record("old", ["a"], window: 20, decay: 0.8f);
        index.Advance(Start + HalfLife);
        index.Record("new", ["a"], window: 20, decay: 0.8f);

        Assert.Equal(0.5f, index.Weight("a", "old"), 1e-5f);
        Assert.Equal(1f, index.Weight("a", "new"), 1e-5f);
    }

    [Fact]
    public void FadingSurvivesManyRescalesWithoutLosingTheRatio()
    {
        var index = new CoEngagementIndex(100, halfLife: HalfLife);
        index.Advance(Start);
        index.Record("old", ["a"], window: 20, decay: 0.8f);
        index.Advance(Start + (HalfLife * 3));
        index.Record("newer", ["a"], window: 20, decay: 0.8f);

        // 60 half-lives later in steps: the stored weights are rescaled three times (every 20).
        for (var step = 1; step <= 60; step++)
        {
            index.Advance(Start + (HalfLife * (3 + step)));
        }

        var old = index.Weight("a", "old");
        var newer = index.Weight("a", "newer");
        Assert.True(float.IsFinite(old) && float.IsFinite(newer));
        Assert.Equal(Math.Pow(2, -60), newer, 1e-20);
        Assert.Equal(1 / 8f, old / newer, 1e-3f);
    }

    [Fact]
    public void ScoresDoNotGrowWithTheClock()
    {
        var index = new CoEngagementIndex(100, halfLife: HalfLife);
        index.Advance(Start);
        index.Record("b", ["a"], window: 20, decay: 0.8f);
        var before = Score(index, "a", "b");
        index.Advance(Start + TimeSpan.FromDays(10));
        index.Record("b", ["a"], window: 20, decay: 0.8f);
        var after = Score(index, "a", "b");

        // One edge: weight / sqrt(total) = sqrt(weight), as of now: sqrt(1 + 2^(-10/30)).
        Assert.Equal(1f, before, 1e-5f);
        Assert.Equal(MathF.Sqrt(1 + MathF.Pow(2, -1 / 3f)), after, 1e-4f);
    }

    [Fact]
    public void ASnapshotRestoredLaterKeepsTheWeightsAsOfItsWriting()
    {
        var index = new CoEngagementIndex(100, halfLife: HalfLife);
        index.Advance(Start);
        index.Record("b", ["a"], window: 20, decay: 0.8f);
        index.Advance(Start + HalfLife);
        index.Record("c", ["a"], window: 20, decay: 0.8f);

        var restored = new CoEngagementIndex(100, halfLife: HalfLife);
        restored.Advance(Start + (HalfLife * 5));
        foreach (var (anchor, target, weight) in index.Edges())
        {
            restored.Add(anchor, target, weight);
        }

        Assert.Equal(0.5f, restored.Weight("a", "b"), 1e-5f);
        Assert.Equal(1f, restored.Weight("a", "c"), 1e-5f);
    }

    [Fact]
    public void WithoutAHalfLifeNothingFades()
    {
        var index = new CoEngagementIndex(100);
        index.Advance(Start);
        index.Record("b", ["a"], window: 20, decay: 0.8f);
        index.Advance(Start + TimeSpan.FromDays(3650));

        Assert.Equal(1f, index.Weight("a", "b"));
    }

    [Fact]
    public void AClockGoingBackChangesNothing()
    {
        var index = new CoEngagementIndex(100, halfLife: HalfLife);
        index.Advance(Start + HalfLife);
        index.Advance(Start + (HalfLife * 2));
        index.Record("b", ["a"], window: 20, decay: 0.8f);
        index.Advance(Start);
        index.Record("c", ["a"], window: 20, decay: 0.8f);

        Assert.Equal(index.Weight("a", "b"), index.Weight("a", "c"));
    }

    private static float Score(CoEngagementIndex index, string anchor, string target)
    {
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        index.Accumulate([anchor], [1f], scores);
        return scores[target];
    }
}

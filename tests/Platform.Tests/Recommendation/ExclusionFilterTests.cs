using Platform.Grains.Recommendation;

namespace Platform.Tests.Recommendation;

public sealed class ExclusionFilterTests
{
    [Fact]
    public void EveryExcludedIdIsFoundAndFewOthersAre()
    {
        var excluded = Enumerable.Range(0, 2500).Select(i => $"v-{i}").ToList();
        var bits = ExclusionFilter.Create(excluded);

        Assert.All(excluded, id => Assert.True(ExclusionFilter.MayContain(bits, IdHash.Of(id))));
        var falsePositives = Enumerable.Range(0, 10_000).Count(i => ExclusionFilter.MayContain(bits, IdHash.Of($"other-{i}")));
        Assert.True(falsePositives < 300, $"{falsePositives} false positives in 10,000");
    }

    [Fact]
    public void EmptyFilterExcludesNothing() =>
        Assert.False(ExclusionFilter.MayContain(ExclusionFilter.Create([]), IdHash.Of("v-1")));

    [Fact]
    public void ShardOfAnIdIsStable() =>
        Assert.Equal(IdHash.Shard("video-42", 8), IdHash.Shard(new string("video-42".ToCharArray()), 8));
}

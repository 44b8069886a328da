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

    /// <summary>
    /// Shard placement, snapshot pages and seeded embeddings are stored by these values: a change to the hash
    /// would scatter a running cluster's state, so they are pinned to what every release has computed.
    /// </summary>
    [Theory]
    [InlineData("", 17665956581633026203UL, 3)]
    [InlineData("v-1", 5751903627258450638UL, 6)]
    [InlineData("video-42", 15213532246582401896UL, 0)]
    [InlineData("刀工", 4811432646427349322UL, 2)]
    public void IdHashesArePinned(string id, ulong hash, int shardOfEight)
    {
        Assert.Equal(hash, IdHash.Of(id));
        Assert.Equal(shardOfEight, IdHash.Shard(id, 8));
    }

    [Fact]
    public void SeededTagHashIsPinned() => Assert.Equal(16428991490308195251UL, IdHash.Of("cooking", 0x7a67UL));
}

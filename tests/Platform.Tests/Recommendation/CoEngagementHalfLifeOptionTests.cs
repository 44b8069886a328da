using Platform.Grains.Options;

namespace Platform.Tests.Recommendation;

public sealed class CoEngagementHalfLifeOptionTests
{
    [Fact]
    public void ANegativeHalfLifeIsRefusedAtStart()
    {
        var result = new RankingOptionsValidator().Validate(null, new RankingOptions { CoEngagementHalfLife = TimeSpan.FromDays(-1) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("CoEngagementHalfLife", StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroAndTheDefaultHalfLifeAreAccepted()
    {
        Assert.True(new RankingOptionsValidator().Validate(null, new RankingOptions { CoEngagementHalfLife = TimeSpan.Zero }).Succeeded);
        Assert.True(new RankingOptionsValidator().Validate(null, new RankingOptions()).Succeeded);
        Assert.Equal(TimeSpan.FromDays(30), new RankingOptions().CoEngagementHalfLife);
    }
}

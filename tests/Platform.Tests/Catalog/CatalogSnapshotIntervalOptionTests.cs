using Platform.Grains.Options;

namespace Platform.Tests.Catalog;

public sealed class CatalogSnapshotIntervalOptionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void ASnapshotIntervalThatIsNotPositiveIsRefusedAtStart(int seconds)
    {
        var result = new CatalogOptionsValidator().Validate(null, new CatalogOptions { SnapshotInterval = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("SnapshotInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDefaultSnapshotIntervalIsFiveSecondsAndAccepted()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new CatalogOptions().SnapshotInterval);
        Assert.True(new CatalogOptionsValidator().Validate(null, new CatalogOptions()).Succeeded);
    }
}

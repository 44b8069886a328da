using Platform.Grains.Options;

namespace Platform.Tests.Money;

public sealed class MonetizationOptionsTests
{
    [Theory]
    [InlineData(0.3, 1, 0)]
    [InlineData(0.3, 3, 0)]
    [InlineData(0.3, 4, 1)]
    [InlineData(0.3, 99, 29)]
    [InlineData(0.3, 1_000_000, 300_000)]
    [InlineData(0.29, 100, 29)]
    [InlineData(0.07, 100, 7)]
    [InlineData(0, 500, 0)]
    [InlineData(1, 500, 500)]
    public void FeeIsTheFloorOfTheExactShare(double share, long amount, long fee) =>
        Assert.Equal(fee, new MonetizationOptions { PlatformFeeShare = (decimal)share }.FeeOf(amount));

    [Theory]
    [InlineData(-0.01, 100)]
    [InlineData(1.01, 100)]
    [InlineData(0.3, 0)]
    [InlineData(0.3, 10_001)]
    public void OptionsOutOfRangeAreRefused(double share, int pageSize)
    {
        var result = new MonetizationOptionsValidator().Validate(null, new MonetizationOptions { PlatformFeeShare = (decimal)share, JournalPageSize = pageSize });

        Assert.True(result.Failed);
    }

    [Theory]
    [InlineData("00:00:00.049")]
    [InlineData("01:00:00.001")]
    [InlineData("-00:00:01")]
    public void LedgerFlushIntervalOutOfRangeIsRefused(string interval)
    {
        var result = new MonetizationOptionsValidator().Validate(null, new MonetizationOptions { LedgerFlushInterval = TimeSpan.Parse(interval) });

        Assert.True(result.Failed);
        Assert.Contains("LedgerFlushInterval", result.FailureMessage);
    }

    [Fact]
    public void DefaultsAreValid() => Assert.True(new MonetizationOptionsValidator().Validate(null, new MonetizationOptions()).Succeeded);
}

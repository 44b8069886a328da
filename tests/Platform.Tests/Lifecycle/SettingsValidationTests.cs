using Platform.Tests.Infrastructure;

namespace Platform.Tests.Lifecycle;

/// <summary>Every configuration section has a validator; a setting that cannot work stops the real silo at start.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("--Platform:Learning:Dimensions=2", "Platform:Learning:Dimensions must be 4..512.")]
    [InlineData("--Platform:Feed:MaxPerCreator=0", "Platform:Feed sizes must be positive.")]
    [InlineData("--Platform:Delivery:ConfirmedRetention=00:00:01", "Platform:Delivery:ConfirmedRetention must exceed Orleans:Messaging:ResponseTimeout")]
    [InlineData("--Platform:Live:KeepAliveInterval=00:00:20", "Platform:Live:KeepAliveInterval must be more than 0 and at most 15 s")]
    [InlineData("--Platform:LiveStats:SubscriptionExpiry=00:00:01", "Platform:LiveStats:SubscriptionExpiry must be 10 s to 1 hour")]
    [InlineData("--Platform:Analytics:HistoryFlushInterval=00:05:00", "Platform:Analytics:HistoryFlushInterval must be 0 to 1 minute")]
    [InlineData("--Platform:RateLimit:FeedBurst=0", "Platform:RateLimit rates, bursts and concurrency caps must be positive.")]
    [InlineData("--Platform:Ads:FrequencyCap=0", "Platform:Ads:FrequencyCap must be at least 1.")]
    [InlineData("--Orleans:Rebalancer:CycleNumberWeight=0", "Orleans:Rebalancer:CycleNumberWeight must be above 0 and at most 1")]
    [InlineData("--Platform:Privacy:ErasureRetryPeriod=00:00:30", "Platform:Privacy:ErasureRetryPeriod must be at least 1 minute")]
    public async Task ASettingThatCannotWorkStopsTheSiloWithItsMessage(string setting, string message)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(setting));

        Assert.Contains("exited with", failure.Message, StringComparison.Ordinal);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}

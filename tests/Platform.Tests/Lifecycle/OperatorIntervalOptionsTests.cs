using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Api.Options;
using Platform.Grains.Options;
using Platform.Silo.Extensions;
using Platform.Silo.Options;

namespace Platform.Tests.Lifecycle;

/// <summary>
/// The intervals an operator tunes (rebalancing, readiness, live unsubscribe, erasure retries, ad slice returns): each
/// has a documented default that its validator accepts, and a value that cannot work is refused naming its key.
/// </summary>
public sealed class OperatorIntervalOptionsTests
{
    [Fact]
    public void TheRebalancerGetsThePlatformDefaultsUnlessConfiguredOtherwise()
    {
        var defaults = OrleansRebalancerOptions([]);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.RebalancerDueTime);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.SessionCyclePeriod);
        Assert.Equal(0.5, defaults.CycleNumberWeight);
        Assert.Equal(1_000, defaults.ActivationMigrationCountLimit);
        Assert.Equal(ActivationRebalancerOptions.DEFAULT_SILO_NUMBER_WEIGHT, defaults.SiloNumberWeight);
        Assert.Equal(ActivationRebalancerOptions.DEFAULT_MAX_STAGNANT_CYCLES, defaults.MaxStagnantCycles);
        Assert.Equal(ActivationRebalancerOptions.DEFAULT_ENTROPY_QUANTUM, defaults.EntropyQuantum);
        Assert.Equal(ActivationRebalancerOptions.DEFAULT_ALLOWED_ENTROPY_DEVIATION, defaults.AllowedEntropyDeviation);
        Assert.Equal(ActivationRebalancerOptions.DEFAULT_SCALE_ALLOWED_ENTROPY_DEVIATION, defaults.ScaleAllowedEntropyDeviation);
        Assert.Equal(ActivationRebalancerOptions.DEFAULT_SCALED_ENTROPY_DEVIATION_ACTIVATION_THRESHOLD, defaults.ScaledEntropyDeviationActivationThreshold);

        var configured = OrleansRebalancerOptions(new()
        {
            ["Orleans:Rebalancer:RebalancerDueTime"] = "00:01:00",
            ["Orleans:Rebalancer:SessionCyclePeriod"] = "00:00:15",
            ["Orleans:Rebalancer:CycleNumberWeight"] = "0.1",
            ["Orleans:Rebalancer:ActivationMigrationCountLimit"] = "250",
        });
        Assert.Equal(TimeSpan.FromMinutes(1), configured.RebalancerDueTime);
        Assert.Equal(TimeSpan.FromSeconds(15), configured.SessionCyclePeriod);
        Assert.Equal(0.1, configured.CycleNumberWeight);
        Assert.Equal(250, configured.ActivationMigrationCountLimit);
    }

    [Theory]
    [InlineData("SessionCyclePeriod", "00:00:01")]
    [InlineData("RebalancerDueTime", "-00:00:01")]
    [InlineData("CycleNumberWeight", "0")]
    [InlineData("SiloNumberWeight", "1.5")]
    [InlineData("ActivationMigrationCountLimit", "0")]
    [InlineData("MaxStagnantCycles", "0")]
    [InlineData("EntropyQuantum", "0.5")]
    [InlineData("AllowedEntropyDeviation", "0")]
    [InlineData("ScaledEntropyDeviationActivationThreshold", "999")]
    public void ARebalancerSettingOrleansWouldRefuseIsRefusedNamingItsKey(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => OrleansRebalancerOptions(new() { [$"Orleans:Rebalancer:{key}"] = value }));

        Assert.Contains($"Orleans:Rebalancer:{key} must", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOtherIntervalHasItsDocumentedDefaultAndItsValidatorAcceptsIt()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), new HealthOptions().ClusterTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), new LiveOptions().UnsubscribeTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), new PrivacyOptions().ErasureRetryPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), new PrivacyOptions().ErasureSettleWait);
        Assert.Equal(TimeSpan.FromSeconds(1), new AdsOptions().FailedCallRetry);
        Assert.Equal(TimeSpan.FromSeconds(5), new AdsOptions().StopReturnTimeout);

        Assert.True(new HealthOptionsValidator().Validate(null, new HealthOptions()).Succeeded);
        Assert.True(new LiveOptionsValidator().Validate(null, new LiveOptions()).Succeeded);
        Assert.True(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions()).Succeeded);
        Assert.True(new AdsOptionsValidator().Validate(null, new AdsOptions()).Succeeded);
    }

    [Fact]
    public void IntervalsThatCannotWorkAreRefusedNamingTheirKey()
    {
        AssertRefused(new HealthOptionsValidator().Validate(null, new HealthOptions { ClusterTimeout = TimeSpan.Zero }), "Platform:Health:ClusterTimeout");
        AssertRefused(new LiveOptionsValidator().Validate(null, new LiveOptions { UnsubscribeTimeout = TimeSpan.FromMinutes(5) }), "Platform:Live:UnsubscribeTimeout");

        // Orleans refuses reminders more frequent than once a minute.
        AssertRefused(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { ErasureRetryPeriod = TimeSpan.FromSeconds(30) }), "Platform:Privacy:ErasureRetryPeriod");
        AssertRefused(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { ErasureSettleWait = TimeSpan.Zero }), "Platform:Privacy:ErasureSettleWait");
        AssertRefused(new AdsOptionsValidator().Validate(null, new AdsOptions { StopReturnTimeout = TimeSpan.FromMinutes(2) }), "Platform:Ads:StopReturnTimeout");
        AssertRefused(new AdsOptionsValidator().Validate(null, new AdsOptions { FailedCallRetry = TimeSpan.Zero }), "Platform:Ads:FailedCallRetry");
    }

    private static void AssertRefused(ValidateOptionsResult result, string key)
    {
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(key, StringComparison.Ordinal));
    }

    private static ActivationRebalancerOptions OrleansRebalancerOptions(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddActivationRebalancingOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ActivationRebalancerOptions>>().Value;
    }
}

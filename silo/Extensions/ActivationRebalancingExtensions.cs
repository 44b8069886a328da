using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Api.Extensions;
using Platform.Silo.Options;

namespace Platform.Silo.Extensions;

/// <summary>The platform's <see cref="ActivationRebalancingOptions"/>, checked at start, as Orleans' rebalancer settings.</summary>
public static class ActivationRebalancingExtensions
{
    public static IServiceCollection AddActivationRebalancingOptions(this IServiceCollection services)
    {
        services.AddValidatedOptions<ActivationRebalancingOptions, ActivationRebalancingOptionsValidator>(ActivationRebalancingOptions.Section);
        services.AddOptions<ActivationRebalancerOptions>().Configure<IOptions<ActivationRebalancingOptions>>((orleans, ours) =>
        {
            var o = ours.Value;
            orleans.RebalancerDueTime = o.RebalancerDueTime;
            orleans.SessionCyclePeriod = o.SessionCyclePeriod;
            orleans.CycleNumberWeight = o.CycleNumberWeight;
            orleans.SiloNumberWeight = o.SiloNumberWeight;
            orleans.ActivationMigrationCountLimit = o.ActivationMigrationCountLimit;
            orleans.MaxStagnantCycles = o.MaxStagnantCycles;
            orleans.EntropyQuantum = o.EntropyQuantum;
            orleans.AllowedEntropyDeviation = o.AllowedEntropyDeviation;
            orleans.ScaleAllowedEntropyDeviation = o.ScaleAllowedEntropyDeviation;
            orleans.ScaledEntropyDeviationActivationThreshold = o.ScaledEntropyDeviationActivationThreshold;
        });
        return services;
    }
}

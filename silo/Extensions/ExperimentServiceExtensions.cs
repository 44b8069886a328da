using Platform.Api.Extensions;
using Platform.Grains.Experiments;
using Platform.Grains.Options;

namespace Platform.Silo.Extensions;

/// <summary>What the feed and event paths need to run experiments: the silo's copy of the running list and its count aggregator.</summary>
public static class ExperimentServiceExtensions
{
    public static IServiceCollection AddPlatformExperiments(this IServiceCollection services)
    {
        services.AddValidatedOptions<ExperimentOptions, ExperimentOptionsValidator>(ExperimentOptions.Section);
        services.AddSingleton<ExperimentDirectory>();
        services.AddSingleton<ExperimentCounter>();
        services.AddSingleton<VariantModels>();
        return services;
    }
}

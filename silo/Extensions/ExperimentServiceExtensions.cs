using Microsoft.Extensions.Options;
using Platform.Grains.Experiments;
using Platform.Grains.Options;

namespace Platform.Silo.Extensions;

/// <summary>What the feed and event paths need to run experiments: the silo's copy of the running list and its count aggregator.</summary>
public static class ExperimentServiceExtensions
{
    public static IServiceCollection AddPlatformExperiments(this IServiceCollection services)
    {
        services.AddOptions<ExperimentOptions>().BindConfiguration(ExperimentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExperimentOptions>, ExperimentOptionsValidator>();
        services.AddSingleton<ExperimentDirectory>();
        services.AddSingleton<ExperimentCounter>();
        services.AddSingleton<VariantModels>();
        return services;
    }
}

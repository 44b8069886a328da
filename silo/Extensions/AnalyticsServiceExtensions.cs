using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Grains.Analytics;
using Platform.Grains.Options;

namespace Platform.Silo.Extensions;

/// <summary>Creator analytics (grains/Analytics): options, the per-silo impression counter and where history lives.</summary>
public static class AnalyticsServiceExtensions
{
    public static IServiceCollection AddPlatformAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>();
        services.AddSingleton<VideoImpressionBatcher>();

        // PostgreSQL mode registers its history table instead (SiloHostingExtensions), before or after this.
        services.TryAddSingleton<ISeriesHistory, InStateSeriesHistory>();
        return services;
    }
}

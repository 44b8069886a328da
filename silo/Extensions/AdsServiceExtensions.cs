using Platform.Api.Extensions;
using Platform.Grains.Ads;
using Platform.Grains.Options;

namespace Platform.Silo.Extensions;

/// <summary>Ads: their options (validated at start) and the silo's ad service with its lifecycle.</summary>
public static class AdsServiceExtensions
{
    public static IServiceCollection AddPlatformAds(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdsOptions, AdsOptionsValidator>(AdsOptions.Section);
        services.AddSingleton<AdService>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<AdService>());
        return services;
    }
}

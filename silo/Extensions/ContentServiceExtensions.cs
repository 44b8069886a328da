using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Grains.Content;
using Platform.Grains.Options;
using Platform.Grains.Privacy;

namespace Platform.Silo.Extensions;

/// <summary>What content review, reports and comments need on a silo.</summary>
public static class ContentServiceExtensions
{
    public static IServiceCollection AddPlatformContentServices(this IServiceCollection services)
    {
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidator>());
        services.AddUserErasureStep<CommentErasureStep>();
        return services;
    }
}

using Platform.Api.Extensions;
using Platform.Grains.Content;
using Platform.Grains.Options;
using Platform.Grains.Privacy;

namespace Platform.Silo.Extensions;

/// <summary>What content review, reports and comments need on a silo.</summary>
public static class ContentServiceExtensions
{
    public static IServiceCollection AddPlatformContentServices(this IServiceCollection services)
    {
        services.AddValidatedOptions<ModerationOptions, ModerationOptionsValidator>(ModerationOptions.Section);
        services.AddUserErasureStep<CommentErasureStep>();
        services.AddGrainService<VideoStateService>();
        services.AddSingleton<VideoStateBroadcast>();
        return services;
    }
}

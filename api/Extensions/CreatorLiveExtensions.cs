using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Options;
using Platform.Api.Services;

namespace Platform.Api.Extensions;

/// <summary>The creator live stream and studio page services.</summary>
public static class CreatorLiveExtensions
{
    public static IHostApplicationBuilder AddCreatorLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LiveOptions, LiveOptionsValidator>(LiveOptions.Section);
        builder.Services.AddSingleton<CreatorLiveHub>();
        builder.Services.AddSingleton<StudioAssets>();
        return builder;
    }
}

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
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .Validate(o => o.KeepAliveInterval > TimeSpan.Zero && o.KeepAliveInterval <= TimeSpan.FromSeconds(15),
                "Platform:Live:KeepAliveInterval must be more than 0 and at most 15 s (the contract's promise).")
            .Validate(o => o.RenewInterval >= TimeSpan.FromMilliseconds(100) && o.RenewInterval <= TimeSpan.FromSeconds(30),
                "Platform:Live:RenewInterval must be 100 ms to 30 s (the grain drops registrations not renewed for a minute).")
            .Validate(o => o.ReconnectDelay >= TimeSpan.Zero && o.ReconnectDelay <= TimeSpan.FromMinutes(1),
                "Platform:Live:ReconnectDelay must be 0 to 1 min.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CreatorLiveHub>();
        builder.Services.AddSingleton<StudioAssets>();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Api.Privacy;

namespace Platform.Api.Extensions;

/// <summary>The export's parts, registered the same way by both hosts.</summary>
public static class PrivacyApiExtensions
{
    public static IHostApplicationBuilder AddPlatformPrivacy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserExportComposer>();
        builder.Services.AddUserExportPart<UserGrainExportPart>();
        builder.Services.AddUserExportPart<WalletExportPart>();
        builder.Services.AddUserExportPart<AdsExportPart>();
        return builder;
    }

    /// <summary>Adds <typeparamref name="T"/> to the parts of every user export, after those added before it.</summary>
    public static IServiceCollection AddUserExportPart<T>(this IServiceCollection services)
        where T : class, IUserExportPart
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserExportPart, T>());
        return services;
    }
}

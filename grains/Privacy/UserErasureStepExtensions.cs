using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Grains.Privacy;

/// <summary>Registers erasure steps (see <see cref="IUserErasureStep"/>).</summary>
public static class UserErasureStepExtensions
{
    /// <summary>Adds <typeparamref name="T"/> to the steps every user erasure runs, after those added before it.</summary>
    public static IServiceCollection AddUserErasureStep<T>(this IServiceCollection services)
        where T : class, IUserErasureStep
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserErasureStep, T>());
        return services;
    }
}

using Orleans.Dashboard;
using Platform.Api.Extensions;
using Platform.Api.Options;
using Platform.Silo.Options;

namespace Platform.Silo.Extensions;

/// <summary>The Orleans dashboard (unless <c>Platform:Dashboard</c> is false), sampling its counters as configured.</summary>
public static class SiloDashboardExtensions
{
    public static ISiloBuilder AddPlatformDashboard(this ISiloBuilder silo, IConfiguration configuration, ClusterHostingOptions hosting)
    {
        silo.Services.AddValidatedOptions<DashboardSamplingOptions, DashboardSamplingOptionsValidator>(DashboardSamplingOptions.Section);
        if (hosting.Dashboard)
        {
            var sampling = configuration.GetSection(DashboardSamplingOptions.Section).Get<DashboardSamplingOptions>() ?? new();
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = (int)sampling.CounterInterval.TotalMilliseconds);
            if (!sampling.GrainCallProfiling)
            {
                foreach (var filter in silo.Services.Where(IsDashboardCallFilter).ToList())
                {
                    silo.Services.Remove(filter);
                }
            }
        }

        return silo;
    }

    /// <summary>The dashboard's grain call filter (its grain profiler), however it is registered.</summary>
    private static bool IsDashboardCallFilter(ServiceDescriptor service) =>
        service.ServiceType == typeof(IIncomingGrainCallFilter)
        && (service.ImplementationType ?? service.ImplementationInstance?.GetType() ?? service.ImplementationFactory?.Method.DeclaringType)?.Assembly == typeof(DashboardOptions).Assembly;

    /// <summary>Maps the dashboard at <c>/dashboard</c>, unless <c>Platform:Dashboard</c> is false.</summary>
    public static WebApplication MapPlatformDashboard(this WebApplication app)
    {
        if (app.Configuration.GetClusterHosting().Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard");
        }

        return app;
    }
}

using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Api.Extensions;
using Platform.Api.Options;
using Platform.Grains.Storage;
using Platform.Silo.Options;
using Platform.Silo.Storage;

namespace Platform.Silo.Extensions;

/// <summary>The silo: clustering and storage chosen by configuration, grains, dashboard, co-hosted API.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddPlatformSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var hosting = configuration.GetClusterHosting();
        builder.Services.AddPlatformGrainServices();
        builder.Services.AddValidatedOptions<ActivationCollectionOptions, ActivationCollectionOptionsValidator>(ActivationCollectionOptions.Section);
        builder.Services.AddOptions<GrainCollectionOptions>().Configure<Microsoft.Extensions.Options.IOptions<ActivationCollectionOptions>>((o, activations) =>
        {
            o.CollectionAge = activations.Value.IdleAge;
            o.CollectionQuantum = activations.Value.CollectionInterval;
        });
        builder.Services.AddValidatedOptions<PostgresPoolOptions, PostgresPoolOptionsValidator>(PostgresPoolOptions.Section);
        builder.Services.AddValidatedOptions<DashboardSamplingOptions, DashboardSamplingOptionsValidator>(DashboardSamplingOptions.Section);
        var pools = hosting.Clustering == ClusterHostingOptions.Postgres || hosting.Storage == ClusterHostingOptions.Postgres
            ? PostgresConnectionPools.From(configuration)
            : null;
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration.ClusterId();
                o.ServiceId = configuration.ServiceId();
            });

            if (hosting.Clustering == ClusterHostingOptions.Postgres)
            {
                var advertised = IPAddress.Parse(configuration["Orleans:AdvertisedIP"] ?? "127.0.0.1");
                silo.ConfigureEndpoints(advertised, configuration.SiloPort(), configuration.GatewayPort(), listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = ClusterConfigurationExtensions.AdoNetInvariant;
                    o.ConnectionString = pools!.Shared;
                });
            }
            else
            {
                silo.UseLocalhostClustering(configuration.SiloPort(), configuration.GatewayPort(), null, configuration.ServiceId(), configuration.ClusterId());
            }

            if (hosting.Storage == ClusterHostingOptions.Postgres)
            {
                // The Orleans binary serializer, not the provider's default JSON: state types are
                // versioned by their [Id]s, and JSON would also write (and on reading, append to)
                // get-only collection views such as RecentIds.Items.
                silo.AddAdoNetGrainStorage(StorageNames.AdoNetProvider, options => options.Configure<Serializer>((o, serializer) =>
                {
                    o.Invariant = ClusterConfigurationExtensions.AdoNetInvariant;
                    o.ConnectionString = pools!.Shared;
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

                    // Cleared state (an erased user) leaves no row behind.
                    o.DeleteStateOnClear = true;
                }));
                silo.Services.AddSingleton(sp => new PostgresStateWriter(
                    pools!.Writers,
                    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>(),
                    sp.GetRequiredService<ILogger<PostgresStateWriter>>()));
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) => new PlatformGrainStorage(
                    sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.AdoNetProvider),
                    sp.GetRequiredService<DeepCopier>(),
                    escapeKeys: true,
                    sp.GetRequiredService<Serializer>(),
                    sp.GetRequiredService<PostgresStateWriter>()));
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = ClusterConfigurationExtensions.AdoNetInvariant;
                    o.ConnectionString = pools!.Shared;
                });
            }
            else if (hosting.Clustering == ClusterHostingOptions.Postgres)
            {
                // Several silos share memory storage only through Orleans' storage grains (binary
                // serializer instead of the default Newtonsoft JSON, which was a third of the event path's CPU).
                silo.AddMemoryGrainStorage(StorageNames.MemoryProvider, options => options
                    .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) => new PlatformGrainStorage(
                    sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.MemoryProvider), sp.GetRequiredService<DeepCopier>(), escapeKeys: false));
                silo.UseInMemoryReminderService();
            }
            else
            {
                // A silo on localhost clustering is alone, so its state can live in its own memory:
                // no storage grain call per write, as Orleans' memory provider would make.
                silo.Services.AddSingleton(sp => new InProcessGrainStorage(sp.GetRequiredService<Serializer>()));
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) =>
                {
                    var store = sp.GetRequiredService<InProcessGrainStorage>();
                    return new PlatformGrainStorage(store, sp.GetRequiredService<DeepCopier>(), escapeKeys: false, sp.GetRequiredService<Serializer>(), store);
                });
                silo.UseInMemoryReminderService();
            }

            silo.AddPlatformClusterOperations(configuration);
            silo.AddPlatformMonetization();
            if (hosting.Dashboard)
            {
                var sampling = configuration.GetSection(DashboardSamplingOptions.Section).Get<DashboardSamplingOptions>() ?? new();
                silo.AddDashboard(o => o.CounterUpdateIntervalMs = (int)sampling.CounterInterval.TotalMilliseconds);
            }
        });
        return builder;
    }

    /// <summary>
    /// Maps the dashboard at <c>/dashboard</c> (unless <c>Platform:Dashboard</c> is false) and, unless
    /// <c>Platform:ServeApi</c> is false, the gateway API.
    /// </summary>
    public static WebApplication MapPlatformSilo(this WebApplication app)
    {
        if (app.Configuration.GetClusterHosting().Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard");
        }

        if (app.Configuration.GetClusterHosting().ServeApi)
        {
            app.MapGatewayApi();
        }

        return app;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Api.Extensions;
using Platform.Api.Options;
using Platform.Grains.Analytics;
using Platform.Grains.Storage;
using Platform.Silo.Storage;

namespace Platform.Silo.Extensions;

/// <summary>
/// Where grain state and reminders live: PostgreSQL through the ADO.NET provider behind <see cref="PlatformGrainStorage"/>;
/// memory shared through Orleans' storage grains when several silos run without it; a silo's own memory when alone.
/// </summary>
public static class SiloStorageExtensions
{
    public static ISiloBuilder AddPlatformStorage(this ISiloBuilder silo, ClusterHostingOptions hosting, PostgresConnectionPools? pools)
    {
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
            silo.Services.RemoveAll<ISeriesHistory>();
            silo.Services.AddSingleton<ISeriesHistory>(sp => new PostgresSeriesHistory(
                pools!.Shared, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServiceId));
            silo.Services.AddHostedService(sp => new SeriesRetentionTrimmer(
                pools!.Shared, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServiceId,
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<SeriesRetentionTrimmer>>()));
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
            // Its series history sits beside it (grains/Analytics/InProcessSeriesHistory): writes add their rows with the state.
            silo.Services.AddSingleton(sp => new InProcessSeriesHistory(sp.GetService<TimeProvider>() ?? TimeProvider.System));
            silo.Services.RemoveAll<ISeriesHistory>();
            silo.Services.AddSingleton<ISeriesHistory>(sp => sp.GetRequiredService<InProcessSeriesHistory>());
            silo.Services.AddSingleton(sp => new InProcessGrainStorage(sp.GetRequiredService<Serializer>(), sp.GetRequiredService<InProcessSeriesHistory>()));
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) =>
            {
                var store = sp.GetRequiredService<InProcessGrainStorage>();
                return new PlatformGrainStorage(store, sp.GetRequiredService<DeepCopier>(), escapeKeys: false, sp.GetRequiredService<Serializer>(), store);
            });
            silo.UseInMemoryReminderService();
        }

        return silo;
    }
}

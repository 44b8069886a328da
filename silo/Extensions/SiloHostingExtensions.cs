using Orleans.Configuration;
using Platform.Api.Extensions;
using Platform.Api.Options;
using Platform.Silo.Options;
using Platform.Silo.Storage;

namespace Platform.Silo.Extensions;

/// <summary>
/// The silo, as a table of contents: grain services and their options, then Orleans with clustering
/// (<see cref="SiloClusteringExtensions"/>), storage (<see cref="SiloStorageExtensions"/>), cluster operations,
/// money, and the dashboard (<see cref="SiloDashboardExtensions"/>); the co-hosted API is mapped last.
/// </summary>
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

            silo.UsePlatformClustering(configuration, hosting, pools);
            silo.AddPlatformStorage(hosting, pools);
            silo.AddPlatformClusterOperations(configuration);
            silo.AddPlatformMonetization();
            silo.AddPlatformDashboard(configuration, hosting);
        });
        return builder;
    }

    /// <summary>
    /// Maps the dashboard at <c>/dashboard</c> (unless <c>Platform:Dashboard</c> is false) and, unless
    /// <c>Platform:ServeApi</c> is false, the gateway API.
    /// </summary>
    public static WebApplication MapPlatformSilo(this WebApplication app)
    {
        app.MapPlatformDashboard();
        if (app.Configuration.GetClusterHosting().ServeApi)
        {
            app.MapGatewayApi();
        }

        return app;
    }
}

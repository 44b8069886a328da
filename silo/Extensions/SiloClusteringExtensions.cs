using System.Net;
using Platform.Api.Extensions;
using Platform.Api.Options;
using Platform.Silo.Storage;

namespace Platform.Silo.Extensions;

/// <summary>How silos find each other: the PostgreSQL membership table, or localhost clustering for one silo alone.</summary>
public static class SiloClusteringExtensions
{
    public static ISiloBuilder UsePlatformClustering(this ISiloBuilder silo, IConfiguration configuration, ClusterHostingOptions hosting, PostgresConnectionPools? pools)
    {
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

        return silo;
    }
}

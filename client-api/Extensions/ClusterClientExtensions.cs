using System.Net;
using Orleans.Configuration;
using Platform.Api.Extensions;
using Platform.Api.Options;

namespace Platform.ClientApi.Extensions;

/// <summary>The stand-alone gateway's Orleans client, finding the cluster the way the silos do.</summary>
public static class ClusterClientExtensions
{
    public static WebApplicationBuilder AddPlatformClusterClient(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var hosting = configuration.GetClusterHosting();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration.ClusterId();
                o.ServiceId = configuration.ServiceId();
            });

            // Timeouts and how often the gateway list is re-read: operator-tunable, like the silos'.
            client.Configure<ClientMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
            client.Configure<Orleans.Configuration.GatewayOptions>(configuration.GetSection("Orleans:Gateway"));

            // The ledger summary reads every ledger shard in one transaction started here.
            client.UseTransactions();

            if (hosting.Clustering == ClusterHostingOptions.Postgres)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = ClusterConfigurationExtensions.AdoNetInvariant;
                    o.ConnectionString = configuration.GetPlatformConnectionString();
                });
            }
            else
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, configuration.GatewayPort()));
            }
        });
        return builder;
    }
}

using Microsoft.Extensions.Configuration;
using Platform.Api.Options;

namespace Platform.Api.Extensions;

/// <summary>Reads the cluster settings both hosts need before the container is built.</summary>
public static class ClusterConfigurationExtensions
{
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>The validated <see cref="ClusterHostingOptions"/>; throws with every problem found.</summary>
    public static ClusterHostingOptions GetClusterHosting(this IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterHostingOptions.Section).Get<ClusterHostingOptions>() ?? new();
        var problems = options.Validate(configuration.GetConnectionString(ClusterHostingOptions.ConnectionStringName)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return options;
    }

    public static string GetPlatformConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ClusterHostingOptions.ConnectionStringName)!;

    public static string ClusterId(this IConfiguration configuration) => configuration["Orleans:ClusterId"] ?? "dev";

    public static string ServiceId(this IConfiguration configuration) => configuration["Orleans:ServiceId"] ?? "platform";

    public static int SiloPort(this IConfiguration configuration) => configuration.GetValue("Orleans:SiloPort", 11111);

    public static int GatewayPort(this IConfiguration configuration) => configuration.GetValue("Orleans:GatewayPort", 30000);
}

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The stand-alone gateway (client-api) as its own process, connected to a silo's client port: what production runs
/// in front of a cluster.
/// </summary>
public sealed class GatewayProcess : HostProcess
{
    private GatewayProcess(IEnumerable<string> arguments, Uri address)
        : base("client-api", BuiltAssembly("client-api", "Platform.ClientApi.dll"), arguments, address)
    {
    }

    /// <summary>Starts client-api against the silo cluster <paramref name="clusterId"/> at <paramref name="gatewayPort"/> and waits until it is ready.</summary>
    public static Task<GatewayProcess> StartAsync(string clusterId, int gatewayPort, IDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        string[] arguments =
        [
            $"--urls={address.GetLeftPart(UriPartial.Authority)}",
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:GatewayPort={gatewayPort}",
            "--Logging:LogLevel:Default=Warning",
            .. (settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"),
        ];
        return ReadyAsync(new GatewayProcess(arguments, address), TimeSpan.FromSeconds(60));
    }
}

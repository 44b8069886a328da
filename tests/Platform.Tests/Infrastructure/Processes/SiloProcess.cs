using Platform.Tests.Infrastructure.Cluster;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The real silo executable (silo/Program.cs, co-hosting the API, built next to the tests) as its own process on
/// free ports: alone with memory storage (<see cref="StartAsync(string[])"/>) or as one member of a PostgreSQL
/// cluster (<see cref="StartAsync(ClusterSettings, string)"/>).
/// </summary>
public sealed class SiloProcess : HostProcess
{
    private SiloProcess(string name, IEnumerable<string> arguments, Uri address, IReadOnlyDictionary<string, string>? environment)
        : base(name, Path.Combine(AppContext.BaseDirectory, "Platform.Silo.dll"), arguments, address, environment)
    {
    }

    /// <summary>
    /// Starts a single-node silo (its own cluster id, memory storage) and waits until <c>/health/ready</c> answers.
    /// <paramref name="settings"/> are command-line arguments such as <c>--Platform:AdminApiKey=k</c>.
    /// </summary>
    public static Task<SiloProcess> StartAsync(params string[] settings)
    {
        var port = FreePort.Next();
        string[] arguments =
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Orleans:GatewayPort={FreePort.Next()}",
            $"--Orleans:ClusterId=proc-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. settings,
        ];
        return ReadyAsync(new SiloProcess("silo", arguments, new Uri($"http://127.0.0.1:{port}"), null), TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts a silo that joins <paramref name="cluster"/> and waits until it answers <c>/health/ready</c>.</summary>
    public static Task<SiloProcess> StartAsync(ClusterSettings cluster, string name)
    {
        var http = FreePort.Next();
        var arguments = cluster.SiloSettings(http, FreePort.Next(), FreePort.Next()).Select(s => $"--{s.Key}={s.Value}");
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Testing", ["ASPNETCORE_ENVIRONMENT"] = "Testing" };
        return ReadyAsync(new SiloProcess(name, arguments, new Uri($"http://127.0.0.1:{http}"), environment), TimeSpan.FromSeconds(120));
    }
}

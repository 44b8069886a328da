namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// What every silo of one test cluster shares: the database, cluster and service ids, and failure
/// detection tuned for tests: a dead silo is declared within seconds instead of tens, but not so eagerly
/// that a silo starved of CPU on a busy 2-core machine is declared dead while it joins.
/// </summary>
public sealed record ClusterSettings(string ConnectionString)
{
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}"[..20];

    public string ServiceId { get; } = $"svc-{Guid.NewGuid():N}"[..20];

    /// <summary>The admin API key the silos accept (takedowns).</summary>
    public string AdminKey { get; } = $"admin-{Guid.NewGuid():N}";

    /// <summary>Further settings every silo gets (e.g. shorter ad leases), after the ones above.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public IEnumerable<KeyValuePair<string, string>> SiloSettings(int httpPort, int siloPort, int gatewayPort) =>
    [
        new("urls", $"http://127.0.0.1:{httpPort}"),
        new("Platform:Clustering", "postgres"),
        new("Platform:Storage", "postgres"),
        new("ConnectionStrings:Platform", ConnectionString),
        new("Orleans:ClusterId", ClusterId),
        new("Orleans:ServiceId", ServiceId),
        new("Orleans:SiloPort", siloPort.ToString()),
        new("Orleans:GatewayPort", gatewayPort.ToString()),
        new("Orleans:Membership:ProbeTimeout", "00:00:02"),
        new("Orleans:Membership:NumMissedProbesLimit", "3"),
        new("Orleans:Membership:IAmAliveTablePublishTimeout", "00:00:05"),
        new("Orleans:Membership:TableRefreshTimeout", "00:00:02"),
        new("Orleans:Membership:MaxJoinAttemptTime", "00:00:30"),
        new("Orleans:Messaging:ResponseTimeout", "00:00:10"),
        new("Platform:AdminApiKey", AdminKey),
        new("Logging:LogLevel:Default", "Warning"),
        new("Logging:LogLevel:Orleans", "Warning"),
        .. Overrides,
    ];
}

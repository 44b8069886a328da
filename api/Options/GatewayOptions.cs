namespace Platform.Api.Options;

/// <summary>Gateway settings. Section <c>Platform</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Platform";

    /// <summary>Key the <c>X-Api-Key</c> header must carry on admin routes; unset, admin routes answer 401. Default unset.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Separate addresses (<c>;</c>-separated URLs, e.g. <c>http://10.0.0.5:9090</c>) that serve <c>/metrics</c> and
    /// the dashboard. When set, those routes are served only on these ports and answer 404 on the main address,
    /// and the management ports serve nothing but them and the health checks. Default unset: everything on the main address.
    /// </summary>
    public string? ManagementUrls { get; set; }

    /// <summary>Time a client has to send all request headers before the connection is closed. Default 10 s.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time an idle keep-alive connection stays open. Default 60 s.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Slowest request body upload tolerated, in bytes per second after <see cref="MinRequestBodyGracePeriod"/>;
    /// a slower client gets 408 and is disconnected. Default 240.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Time a request body may start slowly before <see cref="MinRequestBodyBytesPerSecond"/> applies; over 1 s. Default 5 s.</summary>
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Time a stopping host (SIGTERM) gives in-flight requests and grain deactivation (state writes) before it exits
    /// anyway; below the usual 30 s an orchestrator waits before SIGKILL. Default 25 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Most open connections at once; further ones wait in the accept queue. Default unlimited (null).</summary>
    public long? MaxConcurrentConnections { get; set; }
}

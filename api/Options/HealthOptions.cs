namespace Platform.Api.Options;

/// <summary>The readiness check (<c>/health/ready</c>) of silos and gateways. Section <c>Platform:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Platform:Health";

    /// <summary>
    /// How long the check waits for the cluster to name its active silos before it reports not ready. Default 2 s:
    /// a healthy cluster answers in milliseconds, and a load balancer should stop sending requests to a host whose
    /// cluster takes seconds. Keep it below the probe's own timeout (<c>timeoutSeconds</c>, 3 s in deploy/k8s), or
    /// the probe gives up first and the check's answer is never read. 100 ms to 30 s.
    /// </summary>
    public TimeSpan ClusterTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

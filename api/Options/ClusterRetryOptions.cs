namespace Platform.Api.Options;

/// <summary>
/// How the gateway retries an idempotent cluster call (an event batch, a feed) that Orleans rejected while
/// activations were moving: a silo stopping or joining. Section <c>Platform:ClusterRetry</c>.
/// </summary>
public sealed class ClusterRetryOptions
{
    public const string Section = "Platform:ClusterRetry";

    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry, doubled for each next one (with jitter). Default 200 ms.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}

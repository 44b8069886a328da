namespace Platform.Api.Options;

/// <summary>The creator live stream (<c>GET /v1/creators/{id}/live</c>). Section <c>Platform:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string Section = "Platform:Live";

    /// <summary>
    /// Longest silence on a stream before a comment line is sent, so proxies and browsers keep the
    /// connection open. The contract promises at most 15 s. Default 10 s.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the gateway renews its registration with a watched creator's grain. It must stay
    /// well under the grain's expiry (<c>Platform:LiveStats:SubscriptionExpiry</c>, one minute by default); each renewal also repairs updates missed while the
    /// grain moved or restarted. Default 15 s.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a browser waits before reconnecting a dropped stream (the SSE <c>retry</c> field). Default 2 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a gateway waits for a creator's grain to drop its registration when the last viewer leaves (or the
    /// gateway stops), before it gives up: the grain then drops it on its own once renewals stop
    /// (<c>Platform:LiveStats:SubscriptionExpiry</c>). Bounds how long a closing stream or a stopping gateway waits on a
    /// slow cluster. 100 ms to 1 min. Default 5 s.
    /// </summary>
    public TimeSpan UnsubscribeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

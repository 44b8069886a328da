namespace Platform.Api.Options;

/// <summary>
/// Per-client rate limits on the event and feed routes: one token bucket per client and route group.
/// Section <c>Platform:RateLimit</c>. The defaults are generous, far above what one client on one core can send,
/// so benchmarks are not throttled; production sets limits that fit its clients.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Platform:RateLimit";

    /// <summary>Whether the limits apply. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second one client may make to <c>POST /v1/events</c>, sustained. Default 10,000.</summary>
    public int EventRequestsPerSecond { get; set; } = 10_000;

    /// <summary>Requests one client may make to <c>POST /v1/events</c> in a burst above the sustained rate. Default 20,000.</summary>
    public int EventBurst { get; set; } = 20_000;

    /// <summary>Requests per second one client may make to <c>GET /v1/users/{userId}/feed</c>, sustained. Default 10,000.</summary>
    public int FeedRequestsPerSecond { get; set; } = 10_000;

    /// <summary>Feed requests one client may make in a burst above the sustained rate. Default 20,000.</summary>
    public int FeedBurst { get; set; } = 20_000;

    /// <summary>
    /// Request header naming the client (e.g. set by a trusted reverse proxy or carrying a client API key). When set
    /// and present, clients are told apart by its value; otherwise by their IP address. Default unset (IP address).
    /// </summary>
    public string? ClientHeader { get; set; }
}

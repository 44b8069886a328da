namespace Platform.Api.Options;

/// <summary>
/// Per-client rate limits on the event and feed routes (one token bucket per client and route group) and a cap on
/// the requests of each group in flight at once (overload protection for the whole gateway process).
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
    /// Event requests this gateway process works on at once, from all clients together; past it a request gets 503
    /// at once instead of queueing behind work the cluster cannot finish in time. Default 1,000.
    /// </summary>
    public int MaxConcurrentEventRequests { get; set; } = 1_000;

    /// <summary>Feed requests this gateway process works on at once, from all clients together; past it, 503. Default 1,000.</summary>
    public int MaxConcurrentFeedRequests { get; set; } = 1_000;

    /// <summary>
    /// Request header naming the client (e.g. set by a trusted reverse proxy or carrying a client API key). When set
    /// and present, clients are told apart by its value; otherwise by their IP address. Default unset (IP address).
    /// </summary>
    public string? ClientHeader { get; set; }
}

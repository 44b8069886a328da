using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Options;

namespace Platform.Api.Extensions;

/// <summary>Per-client token buckets on the event and feed routes; a client over its limit gets a 429 problem with Retry-After.</summary>
public static class RateLimitingExtensions
{
    public const string EventsPolicy = "events";
    public const string FeedPolicy = "feed";

    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(InFlightPartition);
            limiter.AddPolicy(EventsPolicy, context => Partition(context, static o => (o.EventRequestsPerSecond, o.EventBurst)));
            limiter.AddPolicy(FeedPolicy, context => Partition(context, static o => (o.FeedRequestsPerSecond, o.FeedBurst)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<RateLimitOptions, (int PerSecond, int Burst)> limits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var (perSecond, burst) = limits(options);
        return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context, options), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>One concurrency limiter per rate-limited route group, shared by all clients: the overload cap.</summary>
    private static RateLimitPartition<string> InFlightPartition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var limit = policy switch
        {
            EventsPolicy => options.MaxConcurrentEventRequests,
            FeedPolicy => options.MaxConcurrentFeedRequests,
            _ => 0,
        };
        if (!options.Enabled || limit == 0)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetConcurrencyLimiter(policy!, _ => new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = 0 });
    }

    private static string ClientKey(HttpContext context, RateLimitOptions options)
    {
        if (options.ClientHeader is { Length: > 0 } header && context.Request.Headers[header] is [{ Length: > 0 } value, ..])
        {
            // Bounded, so a hostile header cannot make partition keys arbitrarily large.
            return "h:" + (value.Length > 128 ? value[..128] : value);
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>
    /// A client over its own rate (the token bucket tells when to retry) gets 429; a request refused because the
    /// gateway is at its in-flight cap (no retry time) gets 503, since that is not the client's doing.
    /// </summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var perClient = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
        var seconds = perClient ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var status = perClient ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = perClient ? "Too many requests" : "Service unavailable",
                Detail = perClient
                    ? $"This client is over its request rate limit; retry after {seconds} s."
                    : "The gateway is at its limit of requests in flight; retrying the request is safe.",
            },
        });
    }
}

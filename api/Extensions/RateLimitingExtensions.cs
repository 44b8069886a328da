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
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.EventRequestsPerSecond > 0 && o.FeedRequestsPerSecond > 0 && o.EventBurst > 0 && o.FeedBurst > 0,
                "Platform:RateLimit rates and bursts must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
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

    private static string ClientKey(HttpContext context, RateLimitOptions options)
    {
        if (options.ClientHeader is { Length: > 0 } header && context.Request.Headers[header] is [{ Length: > 0 } value, ..])
        {
            // Bounded, so a hostile header cannot make partition keys arbitrarily large.
            return "h:" + (value.Length > 128 ? value[..128] : value);
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client is over its request rate limit; retry after {seconds} s.",
            },
        });
    }
}

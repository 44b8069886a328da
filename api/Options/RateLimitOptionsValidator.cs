using Microsoft.Extensions.Options;

namespace Platform.Api.Options;

/// <summary>Refuses <see cref="RateLimitOptions"/> that cannot work, at start: rates, bursts or concurrency caps that are not positive.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.EventRequestsPerSecond <= 0 || options.FeedRequestsPerSecond <= 0 || options.EventBurst <= 0 || options.FeedBurst <= 0
            || options.MaxConcurrentEventRequests <= 0 || options.MaxConcurrentFeedRequests <= 0)
        {
            failures.Add("Platform:RateLimit rates, bursts and concurrency caps must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

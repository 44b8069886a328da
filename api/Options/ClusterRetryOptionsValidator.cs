using Microsoft.Extensions.Options;

namespace Platform.Api.Options;

/// <summary>Refuses <see cref="ClusterRetryOptions"/> that would retry without end or without waiting.</summary>
public sealed class ClusterRetryOptionsValidator : IValidateOptions<ClusterRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterRetryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Platform:ClusterRetry:MaxRetries must be 0..10.");
        }

        if (options.FirstDelay < TimeSpan.FromMilliseconds(1) || options.FirstDelay > TimeSpan.FromSeconds(5))
        {
            failures.Add("Platform:ClusterRetry:FirstDelay must be 1 ms to 5 s.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

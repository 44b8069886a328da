using Microsoft.Extensions.Options;

namespace Platform.Api.Options;

/// <summary>Refuses <see cref="GatewayOptions"/> that cannot work, at start: request limits and timeouts Kestrel cannot apply.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("Platform:MaxRequestBodyBytes must be positive.");
        }

        if (options.RequestHeadersTimeout <= TimeSpan.Zero || options.KeepAliveTimeout <= TimeSpan.Zero || options.MinRequestBodyBytesPerSecond <= 0)
        {
            failures.Add("Platform:RequestHeadersTimeout, KeepAliveTimeout and MinRequestBodyBytesPerSecond must be positive.");
        }

        if (options.MinRequestBodyGracePeriod <= TimeSpan.FromSeconds(1))
        {
            failures.Add("Platform:MinRequestBodyGracePeriod must be over 1 s.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

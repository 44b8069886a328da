using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="AnalyticsOptions"/> the platform cannot honour, at start.</summary>
public sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options) =>
        options.ImpressionFlushInterval < TimeSpan.FromMilliseconds(100) || options.ImpressionFlushInterval > TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Fail($"{AnalyticsOptions.Section}:ImpressionFlushInterval must be 0.1 s to 1 minute.")
            : ValidateOptionsResult.Success;
}

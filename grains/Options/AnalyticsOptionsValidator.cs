using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="AnalyticsOptions"/> the platform cannot honour, at start.</summary>
public sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        if (options.ImpressionFlushInterval < TimeSpan.FromMilliseconds(100) || options.ImpressionFlushInterval > TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail($"{AnalyticsOptions.Section}:ImpressionFlushInterval must be 0.1 s to 1 minute.");
        }

        return options.HistoryFlushInterval < TimeSpan.Zero || options.HistoryFlushInterval > TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Fail($"{AnalyticsOptions.Section}:HistoryFlushInterval must be 0 to 1 minute, not {options.HistoryFlushInterval}.")
            : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="LiveStatsOptions"/> outside the ranges it documents, at start.</summary>
public sealed class LiveStatsOptionsValidator : IValidateOptions<LiveStatsOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveStatsOptions options)
    {
        var errors = new List<string>();
        if (options.NotifyDelay < TimeSpan.FromMilliseconds(10) || options.NotifyDelay > TimeSpan.FromSeconds(10))
        {
            errors.Add($"{LiveStatsOptions.Section}:NotifyDelay must be 10 ms to 10 s, not {options.NotifyDelay}.");
        }

        if (options.SubscriptionExpiry < TimeSpan.FromSeconds(10) || options.SubscriptionExpiry > TimeSpan.FromHours(1))
        {
            errors.Add($"{LiveStatsOptions.Section}:SubscriptionExpiry must be 10 s to 1 hour, not {options.SubscriptionExpiry}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="PrivacyOptions"/> that cannot work, at start: a retry period Orleans' reminders refuse, a settle wait out of range.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        if (options.ErasureRetryPeriod < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{PrivacyOptions.Section}:ErasureRetryPeriod must be at least 1 minute (Orleans' shortest reminder period), not {options.ErasureRetryPeriod}.");
        }

        if (options.ErasureSettleWait < TimeSpan.FromSeconds(1) || options.ErasureSettleWait > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{PrivacyOptions.Section}:ErasureSettleWait must be 1 s to 5 min, not {options.ErasureSettleWait}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

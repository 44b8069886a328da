using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses a <see cref="MonetizationOptions"/> the money grains cannot work with, at start.</summary>
public sealed class MonetizationOptionsValidator : IValidateOptions<MonetizationOptions>
{
    public ValidateOptionsResult Validate(string? name, MonetizationOptions options)
    {
        var failures = new List<string>();
        if (options.PlatformFeeShare is < 0 or > 1)
        {
            failures.Add($"{MonetizationOptions.Section}:PlatformFeeShare must be in 0..1 (was {options.PlatformFeeShare}).");
        }

        if (options.JournalPageSize is < 1 or > 10_000)
        {
            failures.Add($"{MonetizationOptions.Section}:JournalPageSize must be 1..10,000 (was {options.JournalPageSize}).");
        }

        if (options.LedgerFlushInterval < TimeSpan.FromMilliseconds(50) || options.LedgerFlushInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{MonetizationOptions.Section}:LedgerFlushInterval must be 00:00:00.050..01:00:00 (was {options.LedgerFlushInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

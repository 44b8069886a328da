using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Validates <see cref="ExperimentOptions"/> at start.</summary>
public sealed class ExperimentOptionsValidator : IValidateOptions<ExperimentOptions>
{
    public ValidateOptionsResult Validate(string? name, ExperimentOptions o)
    {
        var failures = new List<string>();
        if (o.RefreshInterval <= TimeSpan.Zero || o.FlushInterval <= TimeSpan.Zero || o.AttributionWindow <= TimeSpan.Zero)
        {
            failures.Add($"{ExperimentOptions.Section}: RefreshInterval, FlushInterval and AttributionWindow must be positive.");
        }

        if (o.MaxImpressionsPerUser is < 1 or > 100_000)
        {
            failures.Add($"{ExperimentOptions.Section}:MaxImpressionsPerUser must be 1..100000.");
        }

        if (o.SenderMarkRetention < TimeSpan.FromMinutes(5))
        {
            failures.Add($"{ExperimentOptions.Section}:SenderMarkRetention must be at least 5 minutes (a resent flush may be that old).");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace Platform.Silo.Options;

/// <summary>Checks <see cref="DashboardSamplingOptions"/> at start.</summary>
public sealed class DashboardSamplingOptionsValidator : IValidateOptions<DashboardSamplingOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardSamplingOptions options) =>
        options.CounterInterval < TimeSpan.FromSeconds(1) || options.CounterInterval > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"{DashboardSamplingOptions.Section}:CounterInterval must be between 1 second and 1 hour, not {options.CounterInterval}.")
            : ValidateOptionsResult.Success;
}

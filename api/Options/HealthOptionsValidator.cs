using Microsoft.Extensions.Options;

namespace Platform.Api.Options;

/// <summary>Refuses <see cref="HealthOptions"/> that cannot work, at start.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.ClusterTimeout < TimeSpan.FromMilliseconds(100) || options.ClusterTimeout > TimeSpan.FromSeconds(30)
            ? ValidateOptionsResult.Fail($"{HealthOptions.Section}:ClusterTimeout must be 100 ms to 30 s, not {options.ClusterTimeout}.")
            : ValidateOptionsResult.Success;
}

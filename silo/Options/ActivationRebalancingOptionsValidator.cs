using Microsoft.Extensions.Options;

namespace Platform.Silo.Options;

/// <summary>
/// Refuses <see cref="ActivationRebalancingOptions"/> outside the ranges Orleans' rebalancer accepts, at start and
/// naming our keys (Orleans would refuse them too, later and under its own names).
/// </summary>
public sealed class ActivationRebalancingOptionsValidator : IValidateOptions<ActivationRebalancingOptions>
{
    public ValidateOptionsResult Validate(string? name, ActivationRebalancingOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem with <paramref name="options"/>.</summary>
    public static IEnumerable<string> Problems(ActivationRebalancingOptions options)
    {
        const string Key = ActivationRebalancingOptions.Section;
        if (options.RebalancerDueTime < TimeSpan.Zero)
        {
            yield return $"{Key}:RebalancerDueTime must not be negative, not {options.RebalancerDueTime}.";
        }

        if (options.SessionCyclePeriod < TimeSpan.FromSeconds(2))
        {
            yield return $"{Key}:SessionCyclePeriod must be at least 2 s (twice the 1 s load-publishing period), not {options.SessionCyclePeriod}.";
        }

        if (options.CycleNumberWeight is not (> 0 and <= 1))
        {
            yield return $"{Key}:CycleNumberWeight must be above 0 and at most 1, not {options.CycleNumberWeight}.";
        }

        if (options.SiloNumberWeight is not (>= 0 and <= 1))
        {
            yield return $"{Key}:SiloNumberWeight must be between 0 and 1, not {options.SiloNumberWeight}.";
        }

        if (options.ActivationMigrationCountLimit < 1)
        {
            yield return $"{Key}:ActivationMigrationCountLimit must be at least 1, not {options.ActivationMigrationCountLimit}.";
        }

        if (options.MaxStagnantCycles < 1)
        {
            yield return $"{Key}:MaxStagnantCycles must be at least 1, not {options.MaxStagnantCycles}.";
        }

        if (options.EntropyQuantum is not (> 0 and <= 0.1))
        {
            yield return $"{Key}:EntropyQuantum must be above 0 and at most 0.1, not {options.EntropyQuantum}.";
        }

        if (options.AllowedEntropyDeviation is not (> 0 and <= 0.1))
        {
            yield return $"{Key}:AllowedEntropyDeviation must be above 0 and at most 0.1, not {options.AllowedEntropyDeviation}.";
        }

        if (options.ScaledEntropyDeviationActivationThreshold < 1_000)
        {
            yield return $"{Key}:ScaledEntropyDeviationActivationThreshold must be at least 1000, not {options.ScaledEntropyDeviationActivationThreshold}.";
        }
    }
}

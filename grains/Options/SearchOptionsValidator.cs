using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="SearchOptions"/> that would break the freshness promise or the ranking.</summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var errors = new List<string>();
        if (options.RefreshInterval <= TimeSpan.Zero || options.RefreshInterval > TimeSpan.FromSeconds(2))
        {
            errors.Add($"{SearchOptions.Section}:RefreshInterval must be more than 0 and at most 2 s (a video is searchable within 2 s).");
        }

        if (!double.IsFinite(options.EngagementWeight) || options.EngagementWeight is < 0 or > 10)
        {
            errors.Add($"{SearchOptions.Section}:EngagementWeight must be from 0 to 10.");
        }

        if (!double.IsFinite(options.EngagementHalfPoint) || options.EngagementHalfPoint <= 0)
        {
            errors.Add($"{SearchOptions.Section}:EngagementHalfPoint must be positive.");
        }

        if (options.TrendingTagOverfetch is < 1 or > 100)
        {
            errors.Add($"{SearchOptions.Section}:TrendingTagOverfetch must be 1..100.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

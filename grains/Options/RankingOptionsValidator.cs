using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="RankingOptions"/> that cannot work, at start: negative co-engagement sizes, a decay outside (0, 1] or a negative half-life.</summary>
public sealed class RankingOptionsValidator : IValidateOptions<RankingOptions>
{
    public ValidateOptionsResult Validate(string? name, RankingOptions options)
    {
        var failures = new List<string>();
        if (options.CoEngagementWindow < 0 || options.CoEngagementAnchors < 0 || options.MaxNeighbours <= 0 || options.MaxCoEngagementEdges <= 0)
        {
            failures.Add("Platform:Ranking co-engagement sizes must not be negative (neighbours and edges positive).");
        }

        if (options.CoEngagementDecay is <= 0 or > 1)
        {
            failures.Add("Platform:Ranking:CoEngagementDecay must be in (0, 1].");
        }

        if (options.CoEngagementHalfLife < TimeSpan.Zero)
        {
            failures.Add("Platform:Ranking:CoEngagementHalfLife must not be negative (zero: edges never fade).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

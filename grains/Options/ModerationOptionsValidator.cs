using Microsoft.Extensions.Options;
using Platform.Grains.Catalog;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="ModerationOptions"/> the platform cannot honour, at start.</summary>
public sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        var failures = new List<string>();
        if (options.ReportThreshold < 1)
        {
            failures.Add($"{ModerationOptions.Section}:ReportThreshold must be at least 1.");
        }

        if (options.ReportBurst < 1 || options.ReportRefillInterval <= TimeSpan.Zero)
        {
            failures.Add($"{ModerationOptions.Section}:ReportBurst must be at least 1 and ReportRefillInterval positive.");
        }

        if (options.DuplicateDistance is < 0 or > MultiIndexHash.MaxDistance)
        {
            failures.Add($"{ModerationOptions.Section}:DuplicateDistance must be 0..{MultiIndexHash.MaxDistance}.");
        }

        if (options.CommentPageSize is < 1 or > 10_000 || options.CachedCommentPages is < 0 or > 1_000)
        {
            failures.Add($"{ModerationOptions.Section}:CommentPageSize must be 1..10000 and CachedCommentPages 0..1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

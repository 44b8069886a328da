using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="FeedOptions"/> that cannot work, at start: history sizes and the per-creator cap must be positive.</summary>
public sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        var failures = new List<string>();
        if (options.ViewedHistory <= 0 || options.ServedHistory <= 0 || options.EventIdHistory <= 0 || options.MaxPerCreator <= 0)
        {
            failures.Add("Platform:Feed sizes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

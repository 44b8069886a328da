using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="ItemModelOptions"/> that cannot work, at start: a negative weight, fewer than two items or more than 5,000, a non-positive ridge or refresh interval.</summary>
public sealed class ItemModelOptionsValidator : IValidateOptions<ItemModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ItemModelOptions options)
    {
        var failures = new List<string>();
        if (!(options.Weight >= 0) || !float.IsFinite(options.Weight))
        {
            failures.Add("Platform:ItemModel:Weight must be a finite number, zero or more (0: no model).");
        }

        if (options.MaxItems is < 2 or > 5000)
        {
            failures.Add("Platform:ItemModel:MaxItems must be between 2 and 5,000 (memory is 4 × MaxItems² bytes per silo).");
        }

        if (!(options.Ridge > 0) || !double.IsFinite(options.Ridge))
        {
            failures.Add("Platform:ItemModel:Ridge must be positive.");
        }

        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            failures.Add("Platform:ItemModel:RefreshInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

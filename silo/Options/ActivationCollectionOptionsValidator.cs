using Microsoft.Extensions.Options;

namespace Platform.Silo.Options;

/// <summary>Refuses <see cref="ActivationCollectionOptions"/> that cannot work, at start: an idle age no longer than the collection interval.</summary>
public sealed class ActivationCollectionOptionsValidator : IValidateOptions<ActivationCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ActivationCollectionOptions options)
    {
        var failures = new List<string>();
        if (options.CollectionInterval <= TimeSpan.Zero || options.IdleAge <= options.CollectionInterval)
        {
            failures.Add("Platform:Activations:CollectionInterval must be positive and IdleAge longer than it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

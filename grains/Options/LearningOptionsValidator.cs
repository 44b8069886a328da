using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="LearningOptions"/> that cannot work, at start: an embedding size or learning rate the learner cannot use.</summary>
public sealed class LearningOptionsValidator : IValidateOptions<LearningOptions>
{
    public ValidateOptionsResult Validate(string? name, LearningOptions options)
    {
        var failures = new List<string>();
        if (options.Dimensions is < 4 or > 512)
        {
            failures.Add("Platform:Learning:Dimensions must be 4..512.");
        }

        if (options.LearningRate is <= 0 or >= 1 || options.MaxNorm <= 0)
        {
            failures.Add("Platform:Learning rates must be in (0, 1) and MaxNorm positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

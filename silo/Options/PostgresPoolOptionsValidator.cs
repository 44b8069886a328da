using Microsoft.Extensions.Options;

namespace Platform.Silo.Options;

/// <summary>Checks <see cref="PostgresPoolOptions"/> at start.</summary>
public sealed class PostgresPoolOptionsValidator : IValidateOptions<PostgresPoolOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresPoolOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem with <paramref name="options"/>.</summary>
    public static IEnumerable<string> Problems(PostgresPoolOptions options)
    {
        if (options.MaxConnections < PostgresPoolOptions.MinConnections)
        {
            yield return $"{PostgresPoolOptions.Section}:MaxConnections must be at least {PostgresPoolOptions.MinConnections}, not {options.MaxConnections}.";
        }

        if (options.MaxAutoPrepare is < 0 or > 256)
        {
            yield return $"{PostgresPoolOptions.Section}:MaxAutoPrepare must be between 0 and 256, not {options.MaxAutoPrepare}.";
        }

        if (options.ConnectionWait < TimeSpan.FromSeconds(1) || options.ConnectionWait > TimeSpan.FromSeconds(1024))
        {
            yield return $"{PostgresPoolOptions.Section}:ConnectionWait must be between 1 and 1024 seconds, not {options.ConnectionWait}.";
        }
    }
}

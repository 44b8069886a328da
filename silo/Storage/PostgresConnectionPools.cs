using Npgsql;
using Platform.Api.Extensions;
using Platform.Silo.Options;

namespace Platform.Silo.Storage;

/// <summary>
/// The silo's two PostgreSQL connection strings, bounded by <see cref="PostgresPoolOptions"/>: one for
/// the group-commit writers' data source, one (a separate Npgsql pool) for everything else.
/// </summary>
public sealed class PostgresConnectionPools
{
    private PostgresConnectionPools(string shared, string writers)
    {
        Shared = shared;
        Writers = writers;
    }

    /// <summary>For membership, grain reads and reminders: all but the writers' share of the budget.</summary>
    public string Shared { get; }

    /// <summary>For <see cref="PostgresStateWriter"/>: one connection per writer loop.</summary>
    public string Writers { get; }

    /// <summary>Reads and validates <c>Platform:Postgres</c> and applies it to <c>ConnectionStrings:Platform</c>; throws with every problem found.</summary>
    public static PostgresConnectionPools From(IConfiguration configuration)
    {
        var options = configuration.GetSection(PostgresPoolOptions.Section).Get<PostgresPoolOptions>() ?? new();
        var problems = PostgresPoolOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return Create(configuration.GetPlatformConnectionString(), options);
    }

    /// <summary>The bounded connection strings for <paramref name="connectionString"/>.</summary>
    public static PostgresConnectionPools Create(string connectionString, PostgresPoolOptions options) =>
        new(Bounded(connectionString, options.MaxConnections - PostgresStateWriter.Writers, options, "platform-silo"),
            Bounded(connectionString, PostgresStateWriter.Writers, options, "platform-silo-writer"));

    private static string Bounded(string connectionString, int maxPoolSize, PostgresPoolOptions options, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            MaxPoolSize = maxPoolSize,
            Timeout = (int)Math.Ceiling(options.ConnectionWait.TotalSeconds),
            MaxAutoPrepare = options.MaxAutoPrepare,
            AutoPrepareMinUsages = 2,
        };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, maxPoolSize);

        // A distinct application name keeps the two pools apart (Npgsql pools by connection string)
        // and shows in pg_stat_activity which pool a connection belongs to.
        builder.ApplicationName = builder.ApplicationName is { Length: > 0 } name ? $"{name}/{applicationName}" : applicationName;
        return builder.ConnectionString;
    }
}

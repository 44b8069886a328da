namespace Platform.Silo.Options;

/// <summary>
/// How many PostgreSQL connections one silo may hold, and how long a caller waits for one. Section
/// <c>Platform:Postgres</c>. Every connection the silo opens (membership, grain reads, reminders, the
/// group-commit writers) comes out of this budget, so <c>silos × MaxConnections</c> must stay under the
/// server's <c>max_connections</c> minus its <c>superuser_reserved_connections</c>; the default (30) lets
/// 3 silos share a server left at PostgreSQL's default of 100 (97 usable) with room for psql and
/// backups. When every connection is busy a caller waits for one (up to <see cref="ConnectionWait"/>)
/// instead of opening another and being refused with "too many clients already".
/// </summary>
public sealed class PostgresPoolOptions
{
    public const string Section = "Platform:Postgres";

    /// <summary>
    /// Most connections the silo opens, across all its pools: <see cref="Storage.PostgresStateWriter.Writers"/>
    /// of them are the group-commit writers', the rest one shared pool for membership, grain reads and
    /// reminders. Overrides any <c>Maximum Pool Size</c> in the connection string. Default 30; at least
    /// <see cref="Storage.PostgresStateWriter.Writers"/> + 2.
    /// </summary>
    public int MaxConnections { get; set; } = 30;

    /// <summary>
    /// How long opening a connection may take, waiting for a free one included, before the operation
    /// fails (and the client gets a 503 to retry). Overrides any <c>Timeout</c> in the connection string.
    /// Default 15 seconds (Npgsql's own default), whole seconds from 1 to 1024.
    /// </summary>
    public TimeSpan ConnectionWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Statements each connection keeps prepared on the server once used twice (Npgsql's automatic preparation), so
    /// the group-commit writers' upsert and the frequent reads are parsed and planned once per connection rather than
    /// at every execution. 0 turns it off. Default 32 (the silo uses about 20 distinct statements); at most 256.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 32;

    /// <summary>The smallest <see cref="MaxConnections"/>: the writers' connections and two for everything else.</summary>
    public static int MinConnections => Storage.PostgresStateWriter.Writers + 2;
}

namespace Platform.Api.Options;

/// <summary>How a host finds the cluster and stores state: the operator's switches (shared/API.md).</summary>
public sealed class ClusterHostingOptions
{
    public const string Section = "Platform";
    public const string Localhost = "localhost";
    public const string Postgres = "postgres";
    public const string Memory = "memory";
    public const string ConnectionStringName = "Platform";

    /// <summary><c>localhost</c> (single node) or <c>postgres</c> (ADO.NET membership). Default <c>localhost</c>.</summary>
    public string Clustering { get; set; } = Localhost;

    /// <summary><c>memory</c> or <c>postgres</c> (ADO.NET grain state and reminders). Default <c>memory</c>.</summary>
    public string Storage { get; set; } = Memory;

    /// <summary>Whether a silo co-hosts the gateway API. Default true.</summary>
    public bool ServeApi { get; set; } = true;

    /// <summary>
    /// Whether a silo runs the Orleans dashboard (at <c>/dashboard</c>). Its metrics reader observes every
    /// Orleans instrument once a second, one of which walks all activations of the silo: with hundreds of
    /// thousands of grains that is a measurable share of the CPU (docs/benchmarks.md), so a silo tuned for
    /// throughput may turn it off. Default true.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate(string? connectionString)
    {
        if (Clustering is not (Localhost or Postgres))
        {
            yield return $"Platform:Clustering must be '{Localhost}' or '{Postgres}', not '{Clustering}'.";
        }

        if (Storage is not (Memory or Postgres))
        {
            yield return $"Platform:Storage must be '{Memory}' or '{Postgres}', not '{Storage}'.";
        }

        if ((Clustering == Postgres || Storage == Postgres) && string.IsNullOrWhiteSpace(connectionString))
        {
            yield return "ConnectionStrings:Platform is required when Platform:Clustering or Platform:Storage is 'postgres'.";
        }
    }
}

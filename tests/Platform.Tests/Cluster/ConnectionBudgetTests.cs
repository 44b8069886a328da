using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using Platform.Silo.Options;
using Platform.Silo.Storage;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;
using Xunit.Abstractions;

namespace Platform.Tests.Cluster;

/// <summary>
/// Three silos on a PostgreSQL left at its default <c>max_connections</c> (100): a burst of
/// registrations waits for pooled connections instead of being refused "too many clients already".
/// </summary>
public sealed class ConnectionBudgetTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", TestCategories.Long)]
    public async Task ThreeSilosFitADefaultPostgresUnderARegistrationBurst()
    {
        await using var server = await PostgresServer.StartAsync(maxConnections: 100);
        var connectionString = await server.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var cluster = await SiloCluster.StartAsync(new ClusterSettings(connectionString), 3);

        using var stop = new CancellationTokenSource();
        var peak = WatchConnectionsAsync(server.ConnectionString("postgres"), database, stop.Token);
        var failures = new ConcurrentBag<string>();
        var retries = 0;
        var gateways = cluster.Gateways;
        var next = -1;
        const int Registrations = 900;
        var workers = Enumerable.Range(0, 150).Select(async w =>
        {
            var http = gateways[w % gateways.Count];
            while (Interlocked.Increment(ref next) < Registrations)
            {
                // A client retries a 503 (an overloaded cluster's answer) after its Retry-After; any other
                // failure, or no success within the deadline, fails the test.
                var (videoId, creatorId) = (ApiClient.NewId("v"), ApiClient.NewId("c"));
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
                while (true)
                {
                    using var response = await http.RegisterVideoAsync(videoId, creatorId);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        break;
                    }

                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                    {
                        failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        break;
                    }

                    Interlocked.Increment(ref retries);
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }
            }
        });
        await Task.WhenAll(workers);
        await stop.CancelAsync();
        var (silos, all) = await peak;

        output.WriteLine($"{Registrations} registrations, {retries} retried 503s, {failures.Count} failed, at most {silos} silo connections and {all} in all");
        Assert.True(failures.IsEmpty, $"{failures.Count} registrations failed, e.g. {failures.FirstOrDefault()}\n{cluster.Logs()}");
        Assert.InRange(silos, 1, 3 * new PostgresPoolOptions().MaxConnections);
        Assert.InRange(all, silos, 100);
    }

    [Fact]
    public void ThePoolBoundOverridesTheConnectionStringAndSplitsTheBudget()
    {
        var options = new PostgresPoolOptions { MaxConnections = 12, ConnectionWait = TimeSpan.FromSeconds(7.5) };

        var pools = PostgresConnectionPools.Create("Host=db;Database=p;Maximum Pool Size=100;Timeout=2", options);

        var shared = new NpgsqlConnectionStringBuilder(pools.Shared);
        var writers = new NpgsqlConnectionStringBuilder(pools.Writers);
        Assert.Equal(12, shared.MaxPoolSize + writers.MaxPoolSize);
        Assert.Equal(PostgresStateWriter.Writers, writers.MaxPoolSize);
        Assert.Equal(8, shared.Timeout);
        Assert.True(shared.Pooling && writers.Pooling);
        Assert.Equal(options.MaxAutoPrepare, writers.MaxAutoPrepare);
        Assert.Equal(options.MaxAutoPrepare, shared.MaxAutoPrepare);
    }

    [Fact]
    public void APoolTooSmallForTheWritersIsRefusedAtStart()
    {
        var problems = PostgresPoolOptionsValidator.Problems(new PostgresPoolOptions { MaxConnections = PostgresStateWriter.Writers }).ToList();

        Assert.Contains(problems, p => p.Contains("MaxConnections", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(257)]
    public void AutomaticPreparationOutsideItsRangeIsRefusedAtStart(int maxAutoPrepare)
    {
        var problems = PostgresPoolOptionsValidator.Problems(new PostgresPoolOptions { MaxAutoPrepare = maxAutoPrepare }).ToList();

        Assert.Contains(problems, p => p.Contains("MaxAutoPrepare", StringComparison.Ordinal));
    }

    /// <summary>The most connections the silos held at once (by their application name), and the most client connections to the server in all.</summary>
    private static async Task<(long Silos, long All)> WatchConnectionsAsync(string adminConnectionString, string database, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE datname = @db AND application_name LIKE 'platform-silo%'),
                   count(*) FILTER (WHERE backend_type = 'client backend')
              FROM pg_stat_activity
            """, connection);
        command.Parameters.AddWithValue("db", database);
        long silos = 0, all = 0;
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                await reader.ReadAsync(CancellationToken.None);
                silos = Math.Max(silos, reader.GetInt64(0));
                all = Math.Max(all, reader.GetInt64(1));
            }

            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (silos, all);
    }
}

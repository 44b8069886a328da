using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;
using Xunit.Abstractions;

namespace Platform.Tests.Cluster;

/// <summary>
/// PostgreSQL failing under a cluster of real silo processes: a failed state write reaches the client
/// as a 503 problem with Retry-After whichever silo hosts the grain (the driver's exception never
/// crosses silos), changes nothing, and the retry once storage is back counts once.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategories.Long)]
public sealed class StorageFailureTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task FailingStorageIsA503WithRetryAfterOnEverySiloAndTheRetryCountsOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var cluster = await SiloCluster.StartAsync(new ClusterSettings(connectionString), 2);
        var videoId = ApiClient.NewId("v");
        Assert.Equal(HttpStatusCode.Created, (await cluster.Http.RegisterVideoAsync(videoId, ApiClient.NewId("c"))).StatusCode);

        // Users spread over both silos, all asked through the first gateway: about half the failures
        // happen on the other silo and must cross to it.
        var batches = Enumerable.Range(0, 12)
            .Select(_ => new { events = new[] { ApiClient.View(ApiClient.NewId("u"), videoId, 12_000) } })
            .ToArray();

        await ExecuteAsync(connectionString, """
            CREATE FUNCTION fail_state_writes() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'injected storage failure'; END $$;
            CREATE TRIGGER fail_state_writes BEFORE INSERT OR UPDATE ON platform_grain_state
                FOR EACH ROW EXECUTE FUNCTION fail_state_writes();
            """);
        foreach (var batch in batches)
        {
            using var response = await cluster.Http.PostAsJsonAsync("/v1/events", batch);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}\n{cluster.Logs()}");
            Assert.True(response.Headers.RetryAfter is not null, "No Retry-After on the 503.");
            var problem = await response.ReadProblemAsync();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
        }

        var during = await cluster.Http.GetJsonAsync($"/v1/videos/{videoId}/stats");
        Assert.Equal(0, during["views"]!.GetValue<long>());

        await ExecuteAsync(connectionString, "DROP TRIGGER fail_state_writes ON platform_grain_state;");
        foreach (var batch in batches)
        {
            var accepted = await RetryUntilAcceptedAsync(cluster.Http, batch);
            output.WriteLine(accepted);
        }

        // Each batch again, now a duplicate: still one view per user.
        foreach (var batch in batches)
        {
            using var again = await cluster.Http.PostAsJsonAsync("/v1/events", batch);
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        var after = await cluster.Http.GetJsonAsync($"/v1/videos/{videoId}/stats");
        Assert.Equal(batches.Length, after["views"]!.GetValue<long>());
    }

    /// <summary>A client's retry loop: a user grain dropped after its failed write may take a moment to come back.</summary>
    private static async Task<string> RetryUntilAcceptedAsync(HttpClient http, object batch)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await http.PostAsJsonAsync("/v1/events", batch);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return body;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline, $"{(int)response.StatusCode}: {body}");
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

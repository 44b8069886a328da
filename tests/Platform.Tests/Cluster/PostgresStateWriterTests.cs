using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Platform.Silo.Storage;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Cluster;

/// <summary>The group-commit writer against a real PostgreSQL: one transaction per group, each write with its own version check.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStateWriterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EachWriteOfAGroupKeepsItsOwnVersionCheck()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var writer = new PostgresStateWriter(database, Options.Create(new ClusterOptions { ServiceId = "svc" }), NullLogger<PostgresStateWriter>.Instance);
        var keys = Enumerable.Range(0, 300).Select(i => GrainId.Create("user", $"u{i}")).ToArray();

        // 300 first writes at once: more than one group, all inserted at version 1.
        var first = await Task.WhenAll(keys.Select(k => writer.WriteAsync("user", k, [1, 2, 3], null)));
        Assert.All(first, v => Assert.Equal("1", v));

        // A second "first" write of the same grain is a conflict, not an overwrite; so is a stale version.
        await Assert.ThrowsAsync<InconsistentStateException>(() => writer.WriteAsync("user", keys[0], [9], null));
        Assert.Equal("2", await writer.WriteAsync("user", keys[0], [4, 5], "1"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => writer.WriteAsync("user", keys[0], [9], "1"));

        // In one group, the writes that hold the stored version go through, the others fail alone.
        var mixed = keys.Skip(1).Take(50).Select((k, i) => writer.WriteAsync("user", k, [7], i % 2 == 0 ? "1" : "5")).ToArray();
        await Task.WhenAll(mixed.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        for (var i = 0; i < mixed.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal("2", await mixed[i]);
            }
            else
            {
                await Assert.ThrowsAsync<InconsistentStateException>(() => mixed[i]);
            }
        }

        // Two writes of one row queued together: the first wins, the second (the same stale version) is refused.
        var twice = new[] { writer.WriteAsync("user", keys[100], [1], "1"), writer.WriteAsync("user", keys[100], [2], "1") };
        await Task.WhenAll(twice.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.Equal(1, twice.Count(t => t.IsCompletedSuccessfully));

        Assert.Equal(45, await PostgresQuery.ScalarAsync(database,
            "SELECT (get_byte(payload, 0) * 10 + get_byte(payload, 1))::bigint FROM platform_grain_state WHERE service_id = 'svc' AND state_name = 'user' AND grain_key = @k",
            ("k", keys[0].Key.ToString())));
        Assert.Equal(300, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE service_id = 'svc'"));
        Assert.Equal(25 + 1 + 1, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE version = 2"));
    }
}

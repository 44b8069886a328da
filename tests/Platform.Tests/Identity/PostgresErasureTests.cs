using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Grains.Privacy;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>Erasure on PostgreSQL storage: no row of the user remains, and an erasure interrupted mid-way is finished by a retry after a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresErasureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ErasureInterruptedMidWayIsCompletedByARetryAfterRestart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Storage"] = "postgres",
            ["ConnectionStrings:Platform"] = database,
        };
        void AddFeatureStep(IServiceCollection services) => services
            .AddUserErasureStep<UserStateErasureStep>()
            .AddSingleton<IUserErasureStep>(new FeatureRowsErasureStep(database));

        var (video, creator) = (NewId("v"), NewId("c"));
        var user = NewId("u");
        var other = NewId("u");
        string otherExport;
        var server = await PlatformServer.StartAsync(settings, AddFeatureStep);
        try
        {
            var http = server.Http;
            await http.RegisterVideoAsync(video, creator);
            foreach (var who in new[] { user, other })
            {
                await http.PostEventsAsync(View(who, video, 20_000), Engage("like", who, video), Follow(who, creator));
                await http.GetFeedAsync(who, 5);
                await http.PutAsync($"/v1/users/{who}/settings", new StringContent("{\"personalization\":false}", System.Text.Encoding.UTF8, "application/json"));
            }

            otherExport = (await http.GetJsonAsync($"/v1/users/{other}/export")).ToJsonString();
            Assert.True(await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE grain_key = @key", ("key", "k:" + user)) > 0);

            // The feature's table is missing: the user's own state goes, the feature's step fails, the erasure stays pending.
            var first = await http.DeleteAsync($"/v1/users/{user}");
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            var status = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
            Assert.Equal("pending", (string)status["status"]!);
            // Steps run in order: the failing one and every step registered after it (comments) remain.
            Assert.Equal("test-feature-rows", status["remaining"]!.AsArray().Select(n => (string)n!).First());
            Assert.Equal(0, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE state_name = 'user' AND grain_key = @key", ("key", "k:" + user)));
            Assert.Equal(1, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE state_name = 'userErasure' AND grain_key = @key", ("key", "k:" + user)));
            Assert.Equal(1, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_reminders WHERE grain_id LIKE @id", ("id", "%" + user)));
        }
        finally
        {
            await server.DisposeAsync();
        }

        await ExecuteAsync(database, "CREATE TABLE feature_rows (user_id text NOT NULL, note text NOT NULL)");
        await ExecuteAsync(database, $"INSERT INTO feature_rows VALUES ('{user}', 'mine'), ('{other}', 'theirs')");

        server = await PlatformServer.StartAsync(settings, AddFeatureStep);
        try
        {
            var http = server.Http;
            var retry = await http.DeleteAsync($"/v1/users/{user}");
            Assert.Equal("erased", (string)JsonNode.Parse(await retry.Content.ReadAsStringAsync())!["status"]!);

            // No row of the user remains: grain state (user, erasure record), reminders, the feature's table.
            Assert.Equal(0, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE grain_key LIKE @key", ("key", "%" + user + "%")));
            Assert.Equal(0, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_reminders WHERE grain_id LIKE @id", ("id", "%" + user + "%")));
            Assert.Equal(0, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM feature_rows WHERE user_id = @user", ("user", user)));
            Assert.Equal(1, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM feature_rows WHERE user_id = @user", ("user", other)));
            Assert.True(await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE grain_key = @key", ("key", "k:" + other)) > 0);

            var export = await http.GetJsonAsync($"/v1/users/{user}/export");
            Assert.Equal(0, (long)export["counters"]!["views"]!);
            Assert.Empty(export["following"]!.AsArray());
            Assert.Empty(export["embedding"]!.AsArray());
            Assert.Equal(otherExport, (await http.GetJsonAsync($"/v1/users/{other}/export")).ToJsonString());
            var stats = await http.GetJsonAsync($"/v1/videos/{video}/stats");
            Assert.Equal(2, (long)stats["views"]!);
            Assert.Equal(2, (long)stats["likes"]!);
            Assert.Equal(2, (long)(await http.GetJsonAsync($"/v1/creators/{creator}/stats"))["followers"]!);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

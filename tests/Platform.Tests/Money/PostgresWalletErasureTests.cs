using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

/// <summary>Wallet erasure on PostgreSQL: the wallet's and its journal pages' rows are deleted, the payment records kept without the user.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWalletErasureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ErasureDeletesTheWalletAndJournalRowsAndAnonymizesTheRecords()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Storage"] = "postgres",
            ["ConnectionStrings:Platform"] = database,
            ["Platform:Monetization:JournalPageSize"] = "2",
            ["Platform:AdminApiKey"] = PlatformServerFixture.AdminKey,
        };
        var (user, other, creator) = (NewId("u"), NewId("u"), NewId("c"));
        var tips = Enumerable.Range(0, 4).Select(_ => NewId("t")).ToArray();
        await using (var server = await PlatformServer.StartAsync(settings))
        {
            var http = server.Http;
            foreach (var who in new[] { user, other })
            {
                Assert.Equal(HttpStatusCode.OK, (await http.CreditAsync(who, 1_000)).StatusCode);
            }

            foreach (var tip in tips)
            {
                Assert.Equal(HttpStatusCode.Created, (await http.TipAsync(tip, user, creator, 100)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.Created, (await http.TipAsync(NewId("t"), other, creator, 100)).StatusCode);

            // Five journal entries at two a page: pages 0 and 1 written, the fifth in the wallet.
            Assert.Equal(1, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE state_name = 'wallet' AND grain_key = @key", ("key", "k:" + user)));
            Assert.Equal(2, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE state_name = 'walletJournalPage' AND grain_key LIKE @key", ("key", "k:" + user + "/%")));
            Assert.Equal(4, await RecordsNamingAsync(database, tips, user));

            var erased = await http.DeleteAsync($"/v1/users/{user}");
            Assert.Equal("erased", (string)JsonNode.Parse(await erased.Content.ReadAsStringAsync())!["status"]!);
        }

        // After a restart, from storage alone: no row of the user, the records kept without the user, the ledger balanced.
        await using (var server = await PlatformServer.StartAsync(settings))
        {
            var http = server.Http;
            Assert.Equal(0, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE grain_key LIKE @key", ("key", "%" + user + "%")));
            Assert.Equal(4, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE state_name = 'paymentRecord' AND grain_key = ANY(@keys)", ("keys", tips.Select(t => "k:tip/" + t).ToArray())));
            Assert.Equal(0, await RecordsNamingAsync(database, tips, user));
            Assert.Equal(1, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_grain_state WHERE state_name = 'wallet' AND grain_key = @key", ("key", "k:" + other)));

            var export = await http.GetJsonAsync($"/v1/users/{user}/export");
            Assert.Equal(0, (long)export["wallet"]!["creditedCents"]!);
            Assert.Empty(export["payments"]!.AsArray());
            Assert.Equal(900, (await http.WalletAsync(other)).Cents("balanceCents"));
            Assert.Equal(500, (await http.EarningsAsync(creator)).Cents("tipsCents"));
            var summary = await http.LedgerSummaryAsync();
            Assert.Equal(2_000, summary.Cents("creditedCents"));
            Assert.Equal(900, summary.Cents("balanceCents"));
            Assert.Equal(600, summary.Cents("forfeitedCents"));
            Assert.Equal(500, summary.Cents("spentCents"));
            Assert.Equal(500, summary.Cents("grossCents"));
            Assert.Equal(HttpStatusCode.Conflict, (await http.TipAsync(tips[0], user, creator, 100)).StatusCode);
        }
    }

    /// <summary>Payment record rows of <paramref name="tips"/> whose stored bytes still hold the user id.</summary>
    private static Task<long> RecordsNamingAsync(string database, string[] tips, string user) => PostgresQuery.ScalarAsync(
        database,
        "SELECT count(*) FROM platform_grain_state WHERE state_name = 'paymentRecord' AND grain_key = ANY(@keys) AND position(@user IN payload) > 0",
        ("keys", tips.Select(t => "k:tip/" + t).ToArray()),
        ("user", Encoding.UTF8.GetBytes(user)));
}

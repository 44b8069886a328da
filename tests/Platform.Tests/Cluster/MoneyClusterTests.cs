using System.Net;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;
using Platform.Tests.Money;
using Xunit.Abstractions;

namespace Platform.Tests.Cluster;

/// <summary>
/// Money on a real PostgreSQL cluster under crashes: tips at full speed through two silos and a
/// stand-alone gateway while one silo is SIGKILLed, then the whole cluster; afterwards every
/// acknowledged tip is charged exactly once and the ledger balances to the cent.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MoneyClusterTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const long CreditCents = 20_000;

    [Fact]
    public async Task TipsSurviveSiloAndWholeClusterKillsChargedOnceAndConserved()
    {
        // Creators flush their ledger changes to the shards every 2 s: both kills hit tips whose ledger change is held
        // only by the creator's earnings row (committed, not yet flushed), and flushes run before, between and after them.
        // The platform's rebalancer runs as configured by default: money grains are [Immovable] (a wallet migrated with
        // its transaction in flight stalled its tips for 30 s, and this test then saw no tip in the 8 s after a kill).
        var settings = new ClusterSettings(await postgres.CreateDatabaseAsync())
        {
            Overrides = new Dictionary<string, string>
            {
                ["Platform:Monetization:LedgerFlushInterval"] = "00:00:02",
            },
        };
        var users = Enumerable.Range(0, 40).Select(i => $"u-{i}").ToArray();
        var creators = Enumerable.Range(0, 6).Select(i => $"c-{i}").ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SiloCluster? cluster = await SiloCluster.StartAsync(settings, 2);
        GatewayProcess? gateway = null;
        try
        {
            gateway = await StartGatewayAsync(settings);
            foreach (var user in users)
            {
                var credited = await MoneyClient.UntilConfirmedAsync(() => cluster.Http.CreditAsync(user, CreditCents, $"cr-{user}", settings.AdminKey));
                Assert.Equal(HttpStatusCode.OK, credited.StatusCode);
            }

            output.WriteLine($"cluster, gateway and credits ready in {clock.Elapsed}");
            var current = cluster;
            var currentGateway = gateway;
            var load = new TipLoad(users, creators, () => Endpoints(current, currentGateway), seed: 15);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(concurrency: 12, stop.Token);

            await Task.Delay(TimeSpan.FromSeconds(5));
            var beforeKill = load.Acknowledged.Count;
            cluster.Kill(cluster.Serving[1]);
            await Task.Delay(TimeSpan.FromSeconds(8));
            var afterKill = load.Acknowledged.Count;
            Assert.True(afterKill > beforeKill, "No tip was acknowledged after one silo was killed.\n" + cluster.Logs());

            // The whole cluster and the gateway die mid-flight; clients keep retrying until it is back.
            foreach (var silo in cluster.Serving)
            {
                cluster.Kill(silo);
            }

            await gateway.DisposeAsync();
            gateway = null;
            await cluster.DisposeAsync();
            cluster = null;
            var restarted = await SiloCluster.StartAsync(settings, 2);
            cluster = restarted;
            var restartedGateway = await StartGatewayAsync(settings);
            gateway = restartedGateway;
            current = restarted;
            currentGateway = restartedGateway;
            var atRestart = load.Acknowledged.Count;
            output.WriteLine($"restarted at {clock.Elapsed}");
            await Task.Delay(TimeSpan.FromSeconds(6));
            stop.Cancel();
            await running;

            var latencies = load.Latencies.Order().ToArray();
            output.WriteLine($"acknowledged {load.Acknowledged.Count} ({beforeKill} before the silo kill, {afterKill} before the cluster kill, {atRestart} at restart), " +
                $"refused {load.Refused}, failed attempts {load.FailedAttempts}, replays {load.Replays}, p99 {latencies[(int)(latencies.Length * 0.99)]}, max {latencies[^1]}");
            Assert.True(load.Acknowledged.Count > atRestart, "No tip was acknowledged after the restart.\n" + restarted.Logs());
            await AssertChargedOnceAndConservedAsync(restarted.Http, settings, load, users, creators);
        }
        finally
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }

            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    private static async Task AssertChargedOnceAndConservedAsync(HttpClient http, ClusterSettings settings, TipLoad load, string[] users, string[] creators)
    {
        var tips = load.Acknowledged.Values.ToArray();
        foreach (var user in users)
        {
            var wallet = await http.WalletAsync(user);
            var charged = tips.Where(t => t.UserId == user).Sum(t => t.AmountCents);
            Assert.Equal(CreditCents, wallet.Cents("creditedCents"));
            Assert.Equal(charged, wallet.Cents("spentCents"));
            Assert.Equal(CreditCents - charged, wallet.Cents("balanceCents"));
        }

        long gross = 0;
        foreach (var creator in creators)
        {
            var earnings = await http.EarningsAsync(creator);
            var paid = tips.Where(t => t.CreatorId == creator).ToArray();
            Assert.Equal(paid.Sum(t => t.AmountCents), earnings.Cents("tipsCents"));
            Assert.Equal(paid.Sum(t => t.AmountCents * 3 / 10), earnings.Cents("platformFeeCents"));
            Assert.Equal(paid.Length, earnings.Cents("payments"));
            gross += earnings.Cents("grossCents");
        }

        var summary = await http.LedgerSummaryAsync(settings.AdminKey);
        Assert.Equal(CreditCents * users.Length, summary.Cents("creditedCents"));
        Assert.Equal(summary.Cents("creditedCents"), summary.Cents("balanceCents") + summary.Cents("spentCents"));
        Assert.Equal(tips.Sum(t => t.AmountCents), summary.Cents("spentCents"));
        Assert.Equal(summary.Cents("spentCents"), summary.Cents("grossCents"));
        Assert.Equal(gross, summary.Cents("grossCents"));
    }

    private static IReadOnlyList<HttpClient> Endpoints(SiloCluster cluster, GatewayProcess gateway) => [.. cluster.Gateways, gateway.Http];

    private static Task<GatewayProcess> StartGatewayAsync(ClusterSettings settings) =>
        GatewayProcess.StartAsync(settings.ClusterId, gatewayPort: 0, new Dictionary<string, string>
        {
            ["Platform:Clustering"] = "postgres",
            ["ConnectionStrings:Platform"] = settings.ConnectionString,
            ["Orleans:ServiceId"] = settings.ServiceId,
            ["Platform:AdminApiKey"] = settings.AdminKey,
            ["Orleans:Messaging:ResponseTimeout"] = "00:00:10",
        });
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.GrainInterfaces;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

/// <summary>
/// Tips and purchases reach the ledger shards through their creator's deferred flush; the summary reads the unflushed
/// parts too, so it is exact at every moment. A platform of its own, flushing every 100 ms, so flushes happen mid-run.
/// </summary>
public sealed class LedgerFlushTests : IAsyncLifetime
{
    private const string AdminKey = PlatformServerFixture.AdminKey;
    private PlatformServer _server = null!;

    public async Task InitializeAsync() => _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
    {
        ["Platform:AdminApiKey"] = AdminKey,
        ["Platform:Monetization:LedgerFlushInterval"] = "00:00:00.100",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SummaryIsExactAtEveryReadWhileTipsAndFlushesRun()
    {
        var http = _server.Http;
        var grains = _server.Services.GetRequiredService<IGrainFactory>();
        var random = new Random(1516);
        var users = Enumerable.Range(0, 12).Select(_ => NewId("u")).ToArray();
        var creators = Enumerable.Range(0, 5).Select(_ => NewId("c")).ToArray();
        foreach (var user in users)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.CreditAsync(user, 4_000, adminKey: AdminKey)).StatusCode);
        }

        var plan = Enumerable.Range(0, 240).Select(_ => (Id: NewId("t"), User: users[random.Next(users.Length)], Creator: creators[random.Next(creators.Length)], Amount: (long)random.Next(1, 120))).ToArray();
        var acknowledged = new ConcurrentQueue<long>();
        var next = -1;
        async Task TipperAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < plan.Length; i = Interlocked.Increment(ref next))
            {
                var tip = plan[i];
                var answer = await MoneyClient.UntilConfirmedAsync(() => http.TipAsync(tip.Id, tip.User, tip.Creator, tip.Amount));
                Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
                acknowledged.Enqueue(tip.Amount);
            }
        }

        var tippers = Enumerable.Range(0, 6).Select(_ => Task.Run(TipperAsync)).ToArray();
        var reads = 0;
        var readsWithFlushedAndUnflushed = 0;
        long lastSpent = 0;
        while (!tippers.All(t => t.IsCompleted))
        {
            var confirmed = acknowledged.Sum();
            var summary = await http.LedgerSummaryAsync(AdminKey);
            var flushed = await FlushedSpentAsync(grains);
            reads++;
            AssertBalanced(summary);

            // Every tip acknowledged before the read is in it, flushed or not; the cut never goes back.
            Assert.True(summary.Cents("spentCents") >= confirmed, $"The summary's spent {summary.Cents("spentCents")} misses acknowledged tips ({confirmed}).");
            Assert.True(summary.Cents("spentCents") >= lastSpent, "A later summary showed less spent than an earlier one.");
            lastSpent = summary.Cents("spentCents");
            if (flushed > 0 && flushed < summary.Cents("spentCents"))
            {
                readsWithFlushedAndUnflushed++;
            }

            await Task.Delay(15);
        }

        await Task.WhenAll(tippers);
        var total = plan.Sum(t => t.Amount);
        var fee = creators.Sum(c => plan.Where(t => t.Creator == c).Sum(t => t.Amount * 3 / 10));
        var final = await http.LedgerSummaryAsync(AdminKey);
        AssertExact(final, users.Length * 4_000L, total, fee);
        Assert.True(reads >= 3, $"Only {reads} summaries were read while the tips ran.");
        Assert.True(readsWithFlushedAndUnflushed > 0, $"No summary of {reads} was read while part of the tips was flushed and part was not.");

        // Within a few intervals every creator has flushed: the shards alone hold it all, and the summary did not move.
        await Poll.UntilAsync(
            async () => (await Task.WhenAll(creators.Select(c => grains.GetGrain<ICreatorEarningsGrain>(c).GetUnflushedAsync()))).All(u => u == LedgerSummary.Zero),
            "every creator's unflushed ledger changes are moved to the shards");
        Assert.Equal(total, await FlushedSpentAsync(grains));
        Assert.Equal(final.ToJsonString(), (await http.LedgerSummaryAsync(AdminKey)).ToJsonString());
        foreach (var creator in creators)
        {
            var earnings = await http.EarningsAsync(creator);
            Assert.Equal(plan.Where(t => t.Creator == creator).Sum(t => t.Amount), earnings.Cents("tipsCents"));
        }
    }

    [Fact]
    public async Task FlushMovesEachPaymentToItsShardOnceAndAgainIsANoOp()
    {
        var http = _server.Http;
        var grains = _server.Services.GetRequiredService<IGrainFactory>();
        var (user, creator, video) = (NewId("u"), NewId("c"), NewId("v"));
        Assert.Equal(HttpStatusCode.OK, (await http.CreditAsync(user, 1_000, adminKey: AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.RegisterPaidVideoAsync(video, creator, 250)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.TipAsync(NewId("t"), user, creator, 99)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PurchaseAsync(NewId("p"), user, video)).StatusCode);
        var earnings = grains.GetGrain<ICreatorEarningsGrain>(creator);

        // Flushed by its timer, or now by hand: either way the shard gets tips and sales once, with their fees.
        await earnings.FlushLedgerAsync();
        Assert.Equal(LedgerSummary.Zero, await earnings.GetUnflushedAsync());
        Assert.False(await earnings.FlushLedgerAsync());
        var shard = await grains.GetGrain<ILedgerShardGrain>(LedgerShards.OfCreator(creator)).ReadAsync();
        Assert.DoesNotContain(creator, shard.UnflushedCreators);
        AssertExact(await http.LedgerSummaryAsync(AdminKey), 1_000, 349, 29 + 75);
    }

    /// <summary>What the shards hold as spent, without the creators' unflushed parts (each shard read by itself).</summary>
    private static async Task<long> FlushedSpentAsync(IGrainFactory grains) =>
        (await Task.WhenAll(Enumerable.Range(0, LedgerShards.Count).Select(i => grains.GetGrain<ILedgerShardGrain>(i).ReadAsync()))).Sum(s => s.Totals.SpentCents);

    private static void AssertBalanced(JsonObject summary)
    {
        Assert.Equal(summary.Cents("creditedCents"), summary.Cents("balanceCents") + summary.Cents("spentCents") + summary.Cents("forfeitedCents"));
        Assert.Equal(summary.Cents("spentCents"), summary.Cents("grossCents"));
    }

    private static void AssertExact(JsonObject summary, long credited, long spent, long fee)
    {
        AssertBalanced(summary);
        Assert.Equal(credited, summary.Cents("creditedCents"));
        Assert.Equal(spent, summary.Cents("spentCents"));
        Assert.Equal(fee, summary.Cents("platformFeeCents"));
        Assert.Equal(credited - spent, summary.Cents("balanceCents"));
    }
}

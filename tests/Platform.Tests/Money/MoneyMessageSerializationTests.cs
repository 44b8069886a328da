using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Money;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Money;

[Collection(PlatformCollection.Name)]
public sealed class MoneyMessageSerializationTests(PlatformServerFixture platform)
{
    public static TheoryData<object> Messages()
    {
        var earnings = new CreatorEarnings("c-1", 100, 250, 350, 105, 245, 3);
        return new TheoryData<object>
        {
            new Payment(PaymentKind.Tip, "t-1", "c-1", "v-1", 120),
            new PaymentOutcome(PaymentStatus.Applied, 880, earnings),
            new PaymentOutcome(PaymentStatus.InsufficientBalance, 10),
            new PaymentRecord(PaymentKind.Purchase, "u-1", "v-1", "v-1", 250, 750),
            new PaymentJournalEntry("cr-1", PaymentKind.Credit, "", null, 1000, 0, 1000, DateTimeOffset.UnixEpoch),
            new WalletBalance("u-1", 880, 120, 1000),
            earnings,
            new LedgerSummary(1000, 880, 120, 120, 36),
            new LedgerSummary(1000, 780, 120, 120, 36, 100),
            new WalletErasure(450, 3),
            new LedgerShardRead(new LedgerSummary(1000, 880, 120, 120, 36), ["c-1", "c-2"]),
            new UserAdExport(["howto"], "2026-12-01", new Dictionary<string, int> { ["cmp-1"] = 2 }, [new ServedAdExport("ad-1", "cmp-1", DateTimeOffset.UnixEpoch, true, false)]),
            new CreatorStatsSnapshot(new CreatorStats("c-1", 1, 1, 2, 0, 0, 0, 9_000, []), DateTimeOffset.UnixEpoch, earnings),
            new FeedItem("v-1", "c-1", 0.5, CandidateSource.Fresh, 250, true),
            new VideoRegistration("v-1", "c-1", "Title", [], 31_000, 250),
            new VideoInfo("v-1", "c-1", "Title", [], 31_000, PublicationState.Published, DateTimeOffset.UnixEpoch, 250),
            new VideoEngagementContext(null, "c-1", [0.25f], 31_000, 250),
            new CatalogVideo("v-1", "c-1", [0.1f], DateTimeOffset.UnixEpoch, new VideoSignals(1, 0, 0, 0, 0, 0), 250),
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void MoneyMessageRoundTripsThroughTheOrleansSerializer(object message)
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(message), System.Text.Json.JsonSerializer.Serialize(copy));
    }

    [Fact]
    public void WalletStateRoundTripsThroughTheOrleansSerializer()
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();
        var wallet = new WalletState { BalanceCents = 5, SpentCents = 7, CreditedCents = 12, JournalPages = 2, FirstPage = 1, Purchased = ["v-1"] };
        wallet.Journal.Add(new PaymentJournalEntry("t-1", PaymentKind.Tip, "c-1", null, 7, 2, 5, DateTimeOffset.UnixEpoch));

        var copy = serializer.Deserialize<WalletState>(serializer.SerializeToArray(wallet))!;

        Assert.Equal(5, copy.BalanceCents);
        Assert.Equal(12, copy.CreditedCents);
        Assert.Contains("v-1", copy.Purchased);
        Assert.Equal(2, copy.JournalPages);
        Assert.Equal(1, copy.FirstPage);
        Assert.Equal(wallet.Journal, copy.Journal);
    }

    [Fact]
    public void LedgerStatesWithUnflushedChangesRoundTripThroughTheOrleansSerializer()
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();
        var earnings = new CreatorEarningsState { TipsCents = 99, SalesCents = 250, PlatformFeeCents = 104, Payments = 2, Unflushed = new LedgerSummary(0, -349, 349, 349, 104), Listed = true };
        var shard = new LedgerShardState { Totals = new LedgerSummary(2000, 1651, 349, 349, 104) };
        shard.UnflushedCreators.Add("c-1");

        var earningsCopy = serializer.Deserialize<CreatorEarningsState>(serializer.SerializeToArray(earnings))!;
        var shardCopy = serializer.Deserialize<LedgerShardState>(serializer.SerializeToArray(shard))!;

        Assert.Equal(earnings.Unflushed, earningsCopy.Unflushed);
        Assert.True(earningsCopy.Listed);
        Assert.Equal(99, earningsCopy.TipsCents);
        Assert.Equal(shard.Totals, shardCopy.Totals);
        Assert.Equal(["c-1"], shardCopy.UnflushedCreators);
    }
}

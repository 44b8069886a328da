using Platform.Grains.Storage;

namespace Platform.Tests.Grains;

public sealed class DeliveryLedgerTests
{
    private static readonly TimeSpan Confirmed = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Unconfirmed = TimeSpan.FromHours(6);
    private readonly DateTimeOffset _start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachSequenceIsAcceptedOnceAndOlderOnesNever()
    {
        var ledger = new DeliveryLedger();

        Assert.True(ledger.TryAccept("u", 1, _start));
        Assert.False(ledger.TryAccept("u", 1, _start));
        Assert.True(ledger.TryAccept("u", 3, _start));
        Assert.False(ledger.TryAccept("u", 2, _start));
        Assert.True(ledger.TryAccept("other", 1, _start));
    }

    [Fact]
    public void ConfirmedMarksStayForTheRetentionThenGo()
    {
        var ledger = new DeliveryLedger();
        ledger.TryAccept("u", 5, _start);
        ledger.Confirm("u", 5);

        ledger.Prune(_start + Confirmed * 0.9, Confirmed, Unconfirmed);
        Assert.False(ledger.TryAccept("u", 5, _start + Confirmed * 0.9));

        ledger.Prune(_start + Confirmed * 1.3, Confirmed, Unconfirmed);
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public void UnconfirmedMarksOutliveTheConfirmedRetention()
    {
        var ledger = new DeliveryLedger();
        ledger.TryAccept("crashed", 7, _start);

        ledger.Prune(_start + TimeSpan.FromHours(1), Confirmed, Unconfirmed);
        Assert.False(ledger.TryAccept("crashed", 7, _start + TimeSpan.FromHours(1)));

        ledger.Prune(_start + Unconfirmed + Confirmed, Confirmed, Unconfirmed);
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public void SteadyTrafficKeepsTheLedgerNearOneRetentionOfSenders()
    {
        var ledger = new DeliveryLedger();
        var now = _start;
        for (var second = 0; second < 600; second++)
        {
            now = _start + TimeSpan.FromSeconds(second);
            for (var k = 0; k < 100; k++)
            {
                var sender = $"u{second}-{k}";
                ledger.TryAccept(sender, 1, now);

                // Senders confirm a few seconds later; here at once, which only moves every mark 5 s earlier.
                ledger.Confirm(sender, 1);
            }

            ledger.Prune(now, Confirmed, Unconfirmed);
        }

        // 100 new senders a second: at most 1.25 retentions of them remain, not the ten minutes sent.
        Assert.InRange(ledger.Count, 100 * 60, 100 * 75);
    }
}

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

    [Fact]
    public void AStoredLedgerAnswersEveryDeliveryAsTheLiveOneDoes()
    {
        var random = new Random(5);
        var ledger = new DeliveryLedger();
        var now = _start;
        for (var i = 0; i < 3_000; i++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(50));
            var sender = $"u-{random.Next(400)}";
            ledger.TryAccept(sender, random.Next(100), now);
            if (random.Next(3) == 0)
            {
                ledger.Confirm(sender, random.Next(100));
            }
        }

        var loaded = GrainStateSerializer.Instance.Deserialize<DeliveryLedger>(GrainStateSerializer.Instance.SerializeToArray(ledger))!;
        Assert.Equal(ledger.Count, loaded.Count);
        ledger.Prune(now + Confirmed * 1.1, Confirmed, Unconfirmed);
        loaded.Prune(now + Confirmed * 1.1, Confirmed, Unconfirmed);
        Assert.Equal(ledger.Count, loaded.Count);
        Assert.InRange(ledger.Count, 1, 399);
        for (var i = 0; i < 400; i++)
        {
            var sequence = random.Next(100);
            Assert.Equal(ledger.TryAccept($"u-{i}", sequence, now), loaded.TryAccept($"u-{i}", sequence, now));
        }
    }

    [Fact]
    public void ALedgerStoredByVersionsBeforeTheCompactFormLoadsWithItsMarks()
    {
        // u-1 applied up to 5 and confirmed at 12:00, u-2 up to 9 at 12:01 (2026-11-23), as DeliveryMarks by sender id.
        const string Stored = "20203001312CD42E1D537472696E67436F6D706172657200030101E001054107752D3120001521800060D74C5949DF08810000000000000000E00103E04007752D32200025218000A69A705949DF08810000000000000000E00101E0E021800000000000000000810000000000000000E0E0";

        var ledger = GrainStateSerializer.Instance.Deserialize<DeliveryLedger>(Convert.FromHexString(Stored))!;

        Assert.Equal(2, ledger.Count);
        Assert.False(ledger.TryAccept("u-1", 5, _start));
        Assert.False(ledger.TryAccept("u-2", 9, _start));
        Assert.True(ledger.TryAccept("u-2", 10, _start));
        Assert.False(ledger.Confirm("u-1", 5));

        // The confirmed mark goes after the confirmed retention, the other (now unconfirmed again at 10) stays.
        ledger.Prune(_start + Confirmed * 1.3, Confirmed, Unconfirmed);
        Assert.Equal(1, ledger.Count);
        Assert.False(ledger.TryAccept("u-2", 10, _start));
    }
}

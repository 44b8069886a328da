using Platform.GrainInterfaces;
using Platform.Grains.Ads;
using Platform.Grains.Options;

namespace Platform.Tests.Ads;

/// <summary>The campaign's budget arithmetic on its own: slices never exceed the budget, dead slices come back, pacing is even.</summary>
public sealed class CampaignLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SeededChurnOfGrantsReportsReturnsAndDeadSilosNeverLeasesOrSpendsPastTheBudget()
    {
        var options = new AdsOptions { SliceImpressions = 9 };
        var random = new Random(17);
        for (var run = 0; run < 200; run++)
        {
            var bid = random.Next(1, 2_000);
            var budgetCents = random.Next(1, 50);
            var state = New(budgetCents, bid, endsAt: null);
            var ledger = new CampaignLedger(state, options);
            var now = Start;
            var open = new List<(CampaignLeaseRecord Lease, long Spent)>();
            for (var step = 0; step < 400; step++)
            {
                now += TimeSpan.FromMilliseconds(random.Next(0, 900));
                switch (random.Next(5))
                {
                    case 0 or 1:
                        if (ledger.Grant("silo", now) is { } lease)
                        {
                            open.Add((lease, 0));
                        }

                        break;
                    case 2 when open.Count > 0:
                        var i = random.Next(open.Count);
                        var spent = Math.Min(open[i].Lease.AmountMillicents, open[i].Spent + bid * random.Next(0, 4));
                        open[i] = (open[i].Lease, spent);
                        ledger.Report(new LeaseSpend(open[i].Lease.LeaseId, spent), out _);
                        break;
                    case 3 when open.Count > 0:
                        var j = random.Next(open.Count);
                        ledger.Settle(new LeaseSpend(open[j].Lease.LeaseId, open[j].Spent));
                        open.RemoveAt(j);
                        break;
                    default:
                        // A silo dies: its slices are never returned and come back after expiry and grace.
                        if (open.Count > 0)
                        {
                            open.RemoveAt(random.Next(open.Count));
                        }

                        ledger.ReclaimExpired(now, NoneLive);
                        break;
                }

                Assert.True(ledger.FreeMillicents >= 0, $"run {run} step {step}: leased past the budget");
                Assert.True(ledger.SpentMillicents <= ledger.BudgetMillicents);
                Assert.Equal(0, ledger.SpentMillicents % bid);
                Assert.All(state.Leases, l => Assert.Equal(0, l.AmountMillicents % bid));
            }

            // Long after every expiry, nothing stays reserved: the budget not spent is free again.
            ledger.ReclaimExpired(now + options.LeaseDuration + options.LeaseGrace + TimeSpan.FromSeconds(1), NoneLive);
            Assert.Empty(state.Leases);
            Assert.Equal(ledger.BudgetMillicents - ledger.SpentMillicents, ledger.FreeMillicents);
        }
    }

    [Fact]
    public void DeadSilosSliceIsNotReleasedBeforeItsExpiryAndKeepsWhatWasReported()
    {
        var options = new AdsOptions { SliceImpressions = 10 };
        var state = New(budgetCents: 1, bidCpm: 100, endsAt: null);
        var ledger = new CampaignLedger(state, options);
        var lease = ledger.Grant("dying", Start)!;
        Assert.Equal(1_000, lease.AmountMillicents);
        ledger.Report(new LeaseSpend(lease.LeaseId, 300), out _);

        Assert.Null(ledger.Grant("other", lease.ExpiresAt));
        Assert.False(ledger.ReclaimExpired(lease.ExpiresAt + options.LeaseGrace - TimeSpan.FromTicks(1), NoneLive));
        Assert.True(ledger.ReclaimExpired(lease.ExpiresAt + options.LeaseGrace, NoneLive));

        var next = ledger.Grant("other", lease.ExpiresAt + options.LeaseGrace)!;
        Assert.Equal(700, next.AmountMillicents);
        Assert.Equal(300, ledger.SpentMillicents);
        Assert.False(ledger.Settle(new LeaseSpend(lease.LeaseId, 1_000)));
    }

    [Fact]
    public void LiveSilosExpiredSliceWaitsForItsReturnSoItsUnreportedSpendIsNotServedTwice()
    {
        var options = new AdsOptions { SliceImpressions = 10 };
        var state = New(budgetCents: 1, bidCpm: 100, endsAt: null);
        var ledger = new CampaignLedger(state, options);
        var lease = ledger.Grant("stalled", Start)!;
        ledger.Report(new LeaseSpend(lease.LeaseId, 300), out _);
        Func<string, bool> live = silo => silo == "stalled";

        // Past expiry and grace the stalled silo is still a member: its slice stays out of use until it reports back.
        Assert.False(ledger.ReclaimExpired(lease.ExpiresAt + options.LeaseGrace, live));
        Assert.Null(ledger.Grant("other", lease.ExpiresAt + options.LeaseGrace));
        Assert.True(ledger.Settle(new LeaseSpend(lease.LeaseId, 800)));
        Assert.Equal(800, ledger.SpentMillicents);
        var other = ledger.Grant("other", lease.ExpiresAt + options.LeaseGrace)!;
        Assert.Equal(200, other.AmountMillicents);
        Assert.True(ledger.Settle(new LeaseSpend(other.LeaseId, 0)));

        // One that never reports back is taken back after the longer grace.
        var stuck = ledger.Grant("stalled", Start)!;
        Assert.False(ledger.ReclaimExpired(stuck.ExpiresAt + options.LiveHolderGrace - TimeSpan.FromTicks(1), live));
        Assert.True(ledger.ReclaimExpired(stuck.ExpiresAt + options.LiveHolderGrace, live));
    }

    [Fact]
    public void PacedCampaignLeasesAboutItsEvenShareOfEachStretchOfTime()
    {
        // 1,000 impressions over 100 s: 10 a second; silos ask every 250 ms and spend all they get.
        var options = new AdsOptions { SliceImpressions = 1_000 };
        var state = New(budgetCents: 1_000, bidCpm: 1_000, endsAt: Start + TimeSpan.FromSeconds(100));
        var ledger = new CampaignLedger(state, options);
        var granted = new long[100];
        for (var ms = 0; ms < 100_000; ms += 250)
        {
            var now = Start + TimeSpan.FromMilliseconds(ms);
            if (ledger.Grant("silo", now) is { } lease)
            {
                granted[ms / 1000] += lease.AmountMillicents / 1_000;
                ledger.Settle(new LeaseSpend(lease.LeaseId, lease.AmountMillicents));
            }
        }

        // The first second starts from nothing saved up; every later one gets its share.
        Assert.InRange(granted[0], 5, 12);
        Assert.All(granted.Skip(1).Take(98), perSecond => Assert.InRange(perSecond, 8, 12));
        Assert.InRange(granted.Sum(), 990, 1_000);
        Assert.Null(ledger.Grant("silo", Start + TimeSpan.FromSeconds(100)));
    }

    [Fact]
    public void QuietStretchEarnsItsEvenShareAndNoCatchUpOnTop()
    {
        // 1,000 impressions over 100 s; leases long enough that their cap does not hide what a stretch earns.
        var options = new AdsOptions { SliceImpressions = 1_000, LeaseDuration = TimeSpan.FromSeconds(60) };
        var ledger = new CampaignLedger(New(budgetCents: 1_000, bidCpm: 1_000, endsAt: Start + TimeSpan.FromSeconds(100)), options);
        long Take(double seconds)
        {
            var lease = ledger.Grant("silo", Start + TimeSpan.FromSeconds(seconds))!;
            ledger.Settle(new LeaseSpend(lease.LeaseId, lease.AmountMillicents));
            return lease.AmountMillicents / 1_000;
        }

        Assert.Equal(100, Take(10));

        // Nobody asked for 30 s: the stretch earns its share of the 900 left over the 90 s then left, 300; the rate
        // the silence itself raised (900 over the 60 s now left) would have paid 450.
        Assert.Equal(300, Take(40));
        Assert.Equal(10, Take(41));
    }

    [Fact]
    public void ClickRateStartsAtThePriorAndFollowsTheCampaignsOwnClicks()
    {
        Assert.Equal(0.01, ClickRate.Predict(0, 0, 1, 100), 10);
        Assert.True(ClickRate.Predict(5, 10, 1, 100) > ClickRate.Predict(0, 10, 1, 100));
        Assert.Equal(0.2, ClickRate.Predict(20_000, 100_000, 1, 100), 3);
    }

    /// <summary>No silo is a live member of the cluster any more.</summary>
    private static bool NoneLive(string silo) => false;

    private static CampaignState New(long budgetCents, long bidCpm, DateTimeOffset? endsAt) => new()
    {
        Definition = new CampaignDefinition("cmp", "adv", "v", budgetCents, bidCpm, [], endsAt),
        CreatedAt = Start,
        PacedAt = Start,
    };
}

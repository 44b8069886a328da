using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Ads;

/// <summary>
/// The budget arithmetic of one campaign, in integer thousandths of a cent (an impression costs exactly
/// <c>bidCpmCents</c> of them). Spent = settled + reported of open slices; reserved = settled + the whole amount
/// of open slices; a new slice never exceeds budget - reserved, so the budget can never be overspent whatever
/// the silos do with their slices. A slice whose silo never returns it is taken back <see cref="AdsOptions.LeaseGrace"/>
/// after its expiry once that silo has left the cluster (<see cref="AdsOptions.LiveHolderGrace"/> while it is still a
/// member), keeping what that silo had reported spent.
/// </summary>
public sealed class CampaignLedger(CampaignState state, AdsOptions options)
{
    private CampaignDefinition Definition => state.Definition!;

    public long BudgetMillicents => Definition.BudgetCents * 1000;

    /// <summary>Price of one impression in thousandths of a cent.</summary>
    public long Cost => Definition.BidCpmCents;

    public long SpentMillicents
    {
        get
        {
            var spent = state.SettledMillicents;
            foreach (var lease in state.Leases)
            {
                spent += lease.ReportedMillicents;
            }

            return spent;
        }
    }

    public long FreeMillicents
    {
        get
        {
            var reserved = state.SettledMillicents;
            foreach (var lease in state.Leases)
            {
                reserved += lease.AmountMillicents;
            }

            return BudgetMillicents - reserved;
        }
    }

    /// <summary>The campaign can still pay an impression and has not ended.</summary>
    public bool IsRunning(DateTimeOffset now) =>
        BudgetMillicents - SpentMillicents >= Cost && (Definition.EndsAt is not { } end || now < end);

    public CampaignStanding Standing(DateTimeOffset now)
    {
        var spent = SpentMillicents;
        return new CampaignStanding(spent / Cost, state.Clicks, state.Conversions, spent, BudgetMillicents - spent, IsRunning(now));
    }

    /// <summary>
    /// Takes back slices past their expiry and grace: <see cref="AdsOptions.LeaseGrace"/> when
    /// <paramref name="holderIsLive"/> says their silo has left the cluster, <see cref="AdsOptions.LiveHolderGrace"/>
    /// otherwise. True when any was.
    /// </summary>
    public bool ReclaimExpired(DateTimeOffset now, Func<string, bool> holderIsLive)
    {
        var removed = state.Leases.RemoveAll(lease =>
        {
            if (lease.ExpiresAt + options.LeaseGrace > now
                || (lease.ExpiresAt + options.LiveHolderGrace > now && holderIsLive(lease.Silo)))
            {
                return false;
            }

            state.SettledMillicents += lease.ReportedMillicents;
            return true;
        });
        return removed > 0;
    }

    /// <summary>
    /// Records a silo's cumulative spend of an open slice (it never goes down); false when the slice is no longer
    /// open. <paramref name="changed"/> says whether the spend moved.
    /// </summary>
    public bool Report(LeaseSpend spend, out bool changed)
    {
        changed = false;
        var lease = state.Leases.Find(l => l.LeaseId == spend.LeaseId);
        if (lease is null)
        {
            return false;
        }

        var reported = Math.Max(lease.ReportedMillicents, Math.Clamp(spend.SpentMillicents, 0, lease.AmountMillicents));
        changed = reported != lease.ReportedMillicents;
        lease.ReportedMillicents = reported;
        return true;
    }

    /// <summary>Closes a slice its silo gives back with its final spend; false when it was already closed.</summary>
    public bool Settle(LeaseSpend spend)
    {
        if (!Report(spend, out _))
        {
            return false;
        }

        var lease = state.Leases.Find(l => l.LeaseId == spend.LeaseId)!;
        state.SettledMillicents += lease.ReportedMillicents;
        state.Leases.Remove(lease);
        return true;
    }

    /// <summary>
    /// A new slice for a silo: at most <see cref="AdsOptions.SliceImpressions"/> impressions and what is free, a whole number of
    /// impressions; with an end time, only what even pacing allows by now (the rate being the free budget over the time left).
    /// Null when nothing can be granted.
    /// </summary>
    public CampaignLeaseRecord? Grant(string silo, DateTimeOffset now)
    {
        if (!IsRunning(now))
        {
            return null;
        }

        var amount = Math.Min(FreeMillicents, options.SliceImpressions * Cost);
        if (Definition.EndsAt is { } end)
        {
            // The stretch since the last grant earns its share of what was free at its start (free over the time then
            // left); taking the rate as of now instead would pay a long quiet stretch at the higher catch-up rate its
            // own silence caused. What may be held at once is a lease's worth at the rate from now on.
            var elapsed = Math.Max((now - state.PacedAt).TotalSeconds, 0);
            var earned = FreeMillicents * elapsed / Math.Max((end - state.PacedAt).TotalSeconds, 0.001);
            var burst = Math.Max(FreeMillicents / Math.Max((end - now).TotalSeconds, 0.001) * options.LeaseDuration.TotalSeconds, Cost);
            state.PacedAllowance = Math.Min(state.PacedAllowance + earned, burst);
            state.PacedAt = now;
            amount = Math.Min(amount, (long)Math.Floor(state.PacedAllowance));
        }

        amount -= amount % Cost;
        if (amount < Cost)
        {
            return null;
        }

        if (Definition.EndsAt is not null)
        {
            state.PacedAllowance -= amount;
        }

        var lease = new CampaignLeaseRecord
        {
            LeaseId = ++state.LastLeaseId,
            Silo = silo,
            AmountMillicents = amount,
            ExpiresAt = Definition.EndsAt is { } stop && stop < now + options.LeaseDuration ? stop : now + options.LeaseDuration,
        };
        state.Leases.Add(lease);
        return lease;
    }
}

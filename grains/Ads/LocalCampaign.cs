using Platform.GrainInterfaces;

namespace Platform.Grains.Ads;

/// <summary>
/// One running campaign as one silo's <see cref="AdService"/> holds it: its listing, its current budget slice and
/// its expected value. The feed path reads <see cref="Slice"/> and takes impressions from it; every other field
/// belongs to whoever holds <see cref="TryAcquire"/> (the ad loop, or the one call it started for this campaign).
/// </summary>
internal sealed class LocalCampaign(CampaignListing listing)
{
    private int _busy;
    private int _wanted;

    public CampaignListing Listing { get; } = listing;

    /// <summary>Target tags in lower case (user interests are kept in lower case).</summary>
    public string[] LowerTags { get; } = [.. listing.TargetTags.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>Price of one impression, in thousandths of a cent.</summary>
    public long Cost => Listing.BidCpmCents;

    /// <summary>The budget slice feeds spend; null while none is held.</summary>
    public BudgetSlice? Slice { get => Volatile.Read(ref _slice); set => Volatile.Write(ref _slice, value); }

    private BudgetSlice? _slice;

    /// <summary>The campaign's totals as its grain last answered.</summary>
    public CampaignStanding? Standing { get; set; }

    /// <summary>Bid times predicted click rate: the auction's order.</summary>
    public double ExpectedValue { get; set; }

    /// <summary>No slice is asked for before this (UTC ticks).</summary>
    public long NextAttemptTicks { get; set; }

    /// <summary>Spend of the current slice last reported to the campaign.</summary>
    public long ReportedMillicents { get; set; }

    /// <summary>When the current slice's spend was last reported (UTC ticks).</summary>
    public long LastReportTicks { get; set; }

    /// <summary>A slice closed locally whose return the campaign has not acknowledged yet.</summary>
    public LeaseSpend? PendingReturn { get; set; }

    /// <summary>This silo has spent on the campaign: it keeps the campaign's totals fresh even without a slice.</summary>
    public bool ServedHere { get; set; }

    /// <summary>Off the directory: its slice goes back and the campaign is forgotten.</summary>
    public bool Removed { get; set; }

    /// <summary>The slice is back and nothing more is to be done: the loop drops it.</summary>
    public bool Gone { get; set; }

    /// <summary>The grain said it cannot pay any more (or has ended): no more slices are asked for.</summary>
    public bool Finished => Standing is { Running: false };

    public bool TryAcquire() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>A feed wanted this campaign but its slice could not pay: the loop asks for a slice.</summary>
    public void MarkWanted() => Volatile.Write(ref _wanted, 1);

    /// <summary>Whether a feed wanted it since the last call, clearing the mark.</summary>
    public bool TakeWanted() => Interlocked.Exchange(ref _wanted, 0) == 1;
}

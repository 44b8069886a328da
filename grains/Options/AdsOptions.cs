namespace Platform.Grains.Options;

/// <summary>
/// Ads in feeds: slots, frequency cap, budget slices and click-rate prior. Section <c>Platform:Ads</c>.
/// Validated at start by <see cref="AdsOptionsValidator"/>.
/// </summary>
public sealed class AdsOptions
{
    public const string Section = "Platform:Ads";

    /// <summary>Whether feeds carry ads at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Times a user sees one campaign at most per UTC day. Default 3.</summary>
    public int FrequencyCap { get; set; } = 3;

    /// <summary>Smallest page that carries an ad. Default 5.</summary>
    public int MinPageItems { get; set; } = 5;

    /// <summary>A page carries at most one ad per this many items (at least one from <see cref="MinPageItems"/>), ads this far apart. Default 8.</summary>
    public int ItemsPerAd { get; set; } = 8;

    /// <summary>Position (0-based) of the first ad on a page. Default 2.</summary>
    public int FirstSlot { get; set; } = 2;

    /// <summary>Impressions a budget slice pays for at most (fewer when paced or near the end of the budget). Default 50.</summary>
    public int SliceImpressions { get; set; } = 50;

    /// <summary>How long a silo may spend a slice before it returns it; also how long a dead silo's slice stays out of use. Default 10 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after a lease's expiry the campaign waits before taking back what was not reported spent (covers a
    /// last report in flight and clock differences between machines). Default 2 s.
    /// </summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long after its expiry a slice whose silo is still a live member of the cluster waits for that silo to give it
    /// back (with its final spend) before it is taken back anyway. A silo stops spending a slice at its expiry, so waiting
    /// costs nothing but budget held; taking it back from a live but stalled silo would free impressions it served and has
    /// not reported yet, serving them twice. A dead silo's slice comes back after <see cref="LeaseGrace"/>. Default 1 min.
    /// </summary>
    public TimeSpan LiveHolderGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A silo renews a slice this long before it expires (and stops spending it at the expiry). Default 2 s.</summary>
    public TimeSpan RenewAhead { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a silo refreshes the totals (clicks, spend) of a campaign it does not spend (with or without a slice); spend
    /// itself is reported as it happens (one report in flight per campaign and silo). Default 2 s.
    /// </summary>
    public TimeSpan StandingRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a silo reads the list of running campaigns. Default 2 s.</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Period of the silo's ad loop: refills empty slices, renews, reports. Default 250 ms.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a silo waits before calling a campaign again after a call to it failed (its silo moving or down). Default 1 s.</summary>
    public TimeSpan FailedCallRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a stopping silo waits for its campaigns to take back the unspent part of its slices before it goes on
    /// stopping; a slice not taken back comes back after its lease (<see cref="LeaseDuration"/> plus grace). It is part
    /// of <c>Platform:ShutdownTimeout</c> (25 s). 100 ms to 1 min. Default 5 s.
    /// </summary>
    public TimeSpan StopReturnTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prior clicks of the Beta prior on a campaign's click rate. Default 1.</summary>
    public double PriorClicks { get; set; } = 1;

    /// <summary>Prior impressions of the Beta prior (prior click rate = clicks / impressions). Default 100 (1%).</summary>
    public double PriorImpressions { get; set; } = 100;

    /// <summary>Tags of recently engaged videos a user keeps for targeting. Default 64.</summary>
    public int InterestTags { get; set; } = 64;

    /// <summary>Ads served to a user it remembers for attributing clicks and conversions. Default 50.</summary>
    public int ServedAdsKept { get; set; } = 50;
}

using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Ads;

/// <summary>
/// The silo's ad server. Feed assembly calls <see cref="Place"/>, which picks ads for a page from memory and pays
/// for them from the budget slices this silo holds: no grain call on the feed path. A background loop reads the
/// campaign directory, asks campaigns for slices (only for campaigns feeds here want), reports what was spent,
/// renews slices before they expire and returns them when idle or when the silo stops.
/// </summary>
public sealed partial class AdService : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly AdsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILocalSiloDetails _silo;
    private readonly ILogger<AdService> _logger;
    private readonly Counter<long> _impressions;
    private readonly Counter<long> _campaignCalls;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, LocalCampaign> _campaigns = new(StringComparer.Ordinal);
    private LocalCampaign[] _ranked = [];

    // Videos of listed campaigns that are not published now (Content.VideoStateBroadcast says so): their ads are skipped.
    private ImmutableHashSet<string> _unpublished = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private long _directoryVersion = -1;
    private long _nextDirectoryReadTicks;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public AdService(IGrainFactory grains, IOptions<AdsOptions> options, TimeProvider time, ILocalSiloDetails silo, IMeterFactory meterFactory, ILogger<AdService> logger)
    {
        _grains = grains;
        _options = options.Value;
        _time = time;
        _silo = silo;
        _logger = logger;

        // The gateway exports the meter named "Platform" on /metrics.
        var meter = meterFactory.Create("Platform");
        _impressions = meter.CreateCounter<long>("platform.ads.impressions", "{impression}", "Ad impressions this silo served.");
        _campaignCalls = meter.CreateCounter<long>("platform.ads.campaign_calls", "{call}", "Calls this silo's ad loop made to campaigns (slices, reports).");
        meter.CreateObservableGauge("platform.ads.campaign.impressions", () => PerCampaign(s => s.Impressions), "{impression}", "Impressions paid for, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.clicks", () => PerCampaign(s => s.Clicks), "{click}", "Clicks attributed, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.conversions", () => PerCampaign(s => s.Conversions), "{conversion}", "Conversions attributed, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.spent", () => PerCampaign(s => s.SpentMillicents / 1000.0), "cents", "Money spent, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.remaining", () => PerCampaign(s => s.RemainingMillicents / 1000.0), "cents", "Budget left, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.ctr", () => PerCampaign(s => CampaignRates.Ctr(s)), "1", "Clicks per impression, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.cvr", () => PerCampaign(s => CampaignRates.Cvr(s)), "1", "Conversions per click, per campaign.");
        meter.CreateObservableGauge("platform.ads.campaign.ecpm", () => PerCampaign(s => (double)CampaignRates.EcpmCents(s)), "cents", "Spend per 1,000 impressions, per campaign.");
    }

    public AdsOptions Options => _options;

    /// <summary>Campaigns this silo knows (diagnostics, tests).</summary>
    public int Campaigns => Volatile.Read(ref _ranked).Length;

    /// <summary>Whether this silo holds a slice of the campaign that can pay an impression now (diagnostics, tests).</summary>
    public bool CanServe(string campaignId)
    {
        foreach (var campaign in Volatile.Read(ref _ranked))
        {
            if (campaign.Listing.CampaignId == campaignId)
            {
                return campaign.Slice is { } slice && !slice.IsClosed && slice.RemainingMillicents >= campaign.Cost
                    && slice.ExpiresAt > _time.GetUtcNow();
            }
        }

        return false;
    }

    /// <summary>
    /// A video changed state: while it is not published no feed on this silo carries its ads, though the silo may still
    /// hold paid slices of its campaigns (the campaign refuses to renew them meanwhile).
    /// </summary>
    public void VideoStateChanged(string videoId, bool published)
    {
        if (published)
        {
            ImmutableInterlocked.Update(ref _unpublished, set => set.Remove(videoId));
        }
        else if (Array.Exists(Volatile.Read(ref _ranked), c => c.Listing.VideoId == videoId))
        {
            ImmutableInterlocked.Update(ref _unpublished, set => set.Add(videoId));
        }
    }

    /// <summary>Learns the user's ad interests from one applied engagement.</summary>
    public void Observe(UserAdState user, EngagementEvent e, VideoEngagementContext video) =>
        user.Observe(e.Type, e.WatchMs, video.DurationMs, video.Tags, _options.InterestTags);

    /// <summary>
    /// Places ads on a ranked page: on pages of at least <see cref="AdsOptions.MinPageItems"/>, at most one per
    /// <see cref="AdsOptions.ItemsPerAd"/> items, the campaigns of highest expected value the user is targeted by and not
    /// capped for, paid from this silo's slices. Ads take the places of the page's last organic items, so the page keeps
    /// its length (or grows to <paramref name="count"/> when organic items were short); <paramref name="features"/>, aligned
    /// with <paramref name="organic"/>, is cut the same way. Records the impressions in <paramref name="user"/>. A user who
    /// has not consented to personalization (<paramref name="personalized"/> false) gets only untargeted campaigns.
    /// </summary>
    public AdPlacement Place(UserAdState user, FeedItem[] organic, List<float[]>? features, int count, DateTimeOffset now, bool personalized = true)
    {
        var ranked = Volatile.Read(ref _ranked);
        if (!_options.Enabled || ranked.Length == 0 || count < _options.MinPageItems || organic.Length + 1 < _options.MinPageItems)
        {
            return AdPlacement.None(organic);
        }

        var slots = SlotsFor(count);
        while (slots > 0 && slots > SlotsFor(Math.Min(count, organic.Length + slots)))
        {
            slots--;
        }

        var unpublished = Volatile.Read(ref _unpublished);
        Span<int> picked = stackalloc int[Math.Min(slots, 16)];
        var picks = 0;
        for (var i = 0; i < ranked.Length && picks < picked.Length; i++)
        {
            var campaign = ranked[i];
            var listing = campaign.Listing;
            if (listing.EndsAt <= now
                || (unpublished.Count > 0 && unpublished.Contains(listing.VideoId))
                || user.ShownOn(listing.CampaignId, now) >= _options.FrequencyCap
                || (campaign.LowerTags.Length > 0 && (!personalized || !user.InterestedIn(campaign.LowerTags)))
                || (organic.Length < count && OnPage(organic, listing.VideoId))
                || OnPage(ranked, picked[..picks], listing.VideoId))
            {
                continue;
            }

            if (campaign.Slice is not { } slice || !slice.TryTake(campaign.Cost, now))
            {
                campaign.MarkWanted();
                continue;
            }

            picked[picks++] = i;
            if (slice.RemainingMillicents < campaign.Cost)
            {
                RenewSoon(campaign);
            }
        }

        if (picks == 0)
        {
            return AdPlacement.None(organic);
        }

        // An ad video the ranking also picked (only on a full page) leaves the organic items: it is the ad now.
        var kept = organic;
        for (var p = 0; p < picks; p++)
        {
            var videoId = ranked[picked[p]].Listing.VideoId;
            var at = Array.FindIndex(kept, item => item.VideoId == videoId);
            if (at >= 0)
            {
                kept = [.. kept[..at], .. kept[(at + 1)..]];
                if (features is not null && at < features.Count)
                {
                    features.RemoveAt(at);
                }
            }
        }

        var length = Math.Min(count, kept.Length + picks);
        var keep = length - picks;
        var page = new FeedItem[length];
        var next = 0;
        var ad = 0;
        for (var position = 0; position < length; position++)
        {
            if (ad < picks && position == _options.FirstSlot + ad * _options.ItemsPerAd)
            {
                var listing = ranked[picked[ad++]].Listing;
                page[position] = new FeedItem(
                    listing.VideoId, listing.CreatorId, 0, CandidateSource.Ad,
                    Reason: new FeedReason(FeedReasonKind.Ad, $"Sponsored by {listing.AdvertiserId}"), CampaignId: listing.CampaignId);
                user.Record(listing.CampaignId, listing.VideoId, now, _options.ServedAdsKept);
            }
            else
            {
                page[position] = kept[next++];
            }
        }

        if (features is not null && features.Count > keep)
        {
            features.RemoveRange(keep, features.Count - keep);
        }

        _impressions.Add(picks);
        return new AdPlacement(keep == kept.Length ? kept : kept[..keep], page);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AdService), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose()
    {
        // Registered under two service types, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    /// <summary>Ads a page of <paramref name="items"/> may carry: none below the minimum, then one per ItemsPerAd, at least one.</summary>
    private int SlotsFor(int items) => items < _options.MinPageItems ? 0 : Math.Max(1, items / _options.ItemsPerAd);

    private static bool OnPage(FeedItem[] items, string videoId)
    {
        foreach (var item in items)
        {
            if (item.VideoId == videoId)
            {
                return true;
            }
        }

        return false;
    }

    private static bool OnPage(LocalCampaign[] ranked, ReadOnlySpan<int> picked, string videoId)
    {
        foreach (var i in picked)
        {
            if (ranked[i].Listing.VideoId == videoId)
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<Measurement<double>> PerCampaign(Func<CampaignStanding, double> value)
    {
        foreach (var campaign in Volatile.Read(ref _ranked))
        {
            if (campaign.Standing is { } standing)
            {
                yield return new Measurement<double>(value(standing), new KeyValuePair<string, object?>("campaign", campaign.Listing.CampaignId));
            }
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops the loop and gives every slice back with its final spend, so nothing waits for an expiry.</summary>
    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
        var returns = new List<Task>();
        foreach (var campaign in _campaigns.Values)
        {
            if (campaign.TryAcquire() && campaign.Slice is { } slice)
            {
                campaign.Slice = null;
                var spend = new LeaseSpend(slice.LeaseId, slice.Close());
                returns.Add(Campaign(campaign).RenewAsync(SiloName, spend, wantMore: false));
            }
        }

        try
        {
            await Task.WhenAll(returns).WaitAsync(_options.StopReturnTimeout, cancellationToken);
        }
        catch (Exception ex)
        {
            LogReturnFailed(_logger, ex);
        }
    }

    private string SiloName => _silo.SiloAddress.ToString();

    private ICampaignGrain Campaign(LocalCampaign campaign) => _grains.Reference<ICampaignGrain>(campaign.Listing.CampaignId);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.TickInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await TickAsync();
                }
                catch (Exception ex)
                {
                    LogTickFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One round: the directory when due, then each campaign's slice (ask, renew, report, return).</summary>
    private async Task TickAsync()
    {
        var now = _time.GetUtcNow();
        var changed = false;
        if (now.UtcTicks >= _nextDirectoryReadTicks)
        {
            _nextDirectoryReadTicks = (now + _options.DirectoryRefresh).UtcTicks;
            changed |= await ReadDirectoryAsync();
        }

        List<string>? gone = null;
        foreach (var (id, campaign) in _campaigns)
        {
            if (campaign.Gone)
            {
                (gone ??= []).Add(id);
            }
            else if (campaign.TryAcquire())
            {
                _ = ServeAsync(campaign, now);
            }
        }

        foreach (var id in gone ?? [])
        {
            _campaigns.Remove(id);
            changed = true;
        }

        // The auction's order changes with every click rate the campaigns report; re-sorting a few thousand is cheap.
        // Keys are read once, since calls under way may change a campaign's value during the sort.
        LocalCampaign[] ranked = changed || _ranked.Length != _campaigns.Count ? [.. _campaigns.Values] : (LocalCampaign[])_ranked.Clone();
        var keys = new double[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            keys[i] = -ranked[i].ExpectedValue;
        }

        Array.Sort(keys, ranked);
        Volatile.Write(ref _ranked, ranked);
    }

    private async Task<bool> ReadDirectoryAsync()
    {
        var snapshot = await _grains.Reference<ICampaignDirectoryGrain>(0).GetAsync(_directoryVersion);
        if (snapshot is null)
        {
            return false;
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listing in snapshot.Campaigns)
        {
            listed.Add(listing.CampaignId);
            if (!_campaigns.ContainsKey(listing.CampaignId))
            {
                var campaign = new LocalCampaign(listing)
                {
                    ExpectedValue = listing.BidCpmCents * ClickRate.Predict(0, 0, _options.PriorClicks, _options.PriorImpressions),
                };

                // Every silo starts with a slice of a new campaign; one that goes unused here is given back at its renewal.
                campaign.MarkWanted();
                _campaigns[listing.CampaignId] = campaign;
            }
        }

        foreach (var (id, campaign) in _campaigns)
        {
            if (!listed.Contains(id))
            {
                campaign.Removed = true;
            }
        }

        _directoryVersion = snapshot.Version;
        return true;
    }

    /// <summary>
    /// Renews a slice the feed just used up at once, off the feed path, rather than at the next round; spend itself is
    /// reported by the loop, once per round and campaign (so a busy campaign costs no call per impression).
    /// </summary>
    private void RenewSoon(LocalCampaign campaign)
    {
        if (campaign.TryAcquire())
        {
            _ = Task.Run(() => ServeAsync(campaign, _time.GetUtcNow()));
        }
    }

    /// <summary>Holding the campaign: returns, renews or asks for its slice, or reports its spend, as due.</summary>
    private async Task ServeAsync(LocalCampaign campaign, DateTimeOffset now)
    {
        try
        {
            await ServeOnceAsync(campaign, now);
        }
        catch (Exception ex)
        {
            campaign.NextAttemptTicks = (now + _options.FailedCallRetry).UtcTicks;
            LogCampaignCallFailed(_logger, ex, campaign.Listing.CampaignId);
        }
        finally
        {
            campaign.Release();
        }
    }

    private async Task ServeOnceAsync(LocalCampaign campaign, DateTimeOffset now)
    {
        var slice = campaign.Slice;
        var ticks = now.UtcTicks;
        var stale = ticks - campaign.LastReportTicks >= _options.StandingRefresh.Ticks;
        if (campaign.Removed || campaign.Finished)
        {
            await ReturnAsync(campaign, slice, wantMore: false);
            campaign.Gone = campaign.Removed && campaign.PendingReturn is null;

            // A standing heard during a failover may say "finished" for a campaign that still runs: the campaign's
            // own word, read again every StandingRefresh while it is listed, settles it.
            if (!campaign.Removed && stale)
            {
                await RefreshStandingAsync(campaign, ticks);
            }

            return;
        }

        var wanted = campaign.TakeWanted();
        var due = slice is null
            ? wanted && ticks >= campaign.NextAttemptTicks
            : slice.RemainingMillicents < campaign.Cost || slice.ExpiresAt - now < _options.RenewAhead;
        if (due || campaign.PendingReturn is not null)
        {
            // A slice that was used (or that feeds want) is renewed; an idle one goes back for other silos to use.
            var used = slice is not null && slice.SpentMillicents > 0;
            await ReturnAsync(campaign, slice, wantMore: wanted || used || slice is null);
            return;
        }

        if (wanted)
        {
            campaign.MarkWanted();
        }

        // Totals (clicks, conversions) are refreshed by every call; an idle campaign's at least every StandingRefresh,
        // read from the campaign when this silo served it but holds no slice now (its /metrics stay live). Campaigns
        // never served here are not asked: a thousand of them would cost a call each every StandingRefresh.
        if (slice is null && stale && campaign.ServedHere)
        {
            await RefreshStandingAsync(campaign, ticks);
        }
        else if (slice is not null && (slice.SpentMillicents != campaign.ReportedMillicents || stale))
        {
            var spent = slice.SpentMillicents;
            campaign.ServedHere |= spent > 0;
            _campaignCalls.Add(1);
            var report = await Campaign(campaign).ReportAsync(new LeaseSpend(slice.LeaseId, spent));
            campaign.ReportedMillicents = spent;
            campaign.LastReportTicks = ticks;
            Learn(campaign, report.Standing);
            if (!report.LeaseOpen)
            {
                slice.Close();
                campaign.Slice = null;
            }
        }
    }

    private async Task RefreshStandingAsync(LocalCampaign campaign, long ticks)
    {
        _campaignCalls.Add(1);
        campaign.LastReportTicks = ticks;
        if (await Campaign(campaign).GetStatsAsync() is { } stats)
        {
            Learn(campaign, stats.Standing);
        }
    }

    /// <summary>Closes the slice (if any), gives it back with its final spend and, when asked, takes a new one.</summary>
    private async Task ReturnAsync(LocalCampaign campaign, BudgetSlice? slice, bool wantMore)
    {
        if (slice is not null)
        {
            campaign.Slice = null;
            campaign.PendingReturn = new LeaseSpend(slice.LeaseId, slice.Close());
            campaign.ServedHere |= campaign.PendingReturn.SpentMillicents > 0;
        }

        if (campaign.PendingReturn is null && !wantMore)
        {
            return;
        }

        var now = _time.GetUtcNow();
        _campaignCalls.Add(1);
        var lease = await Campaign(campaign).RenewAsync(SiloName, campaign.PendingReturn, wantMore && !campaign.Removed);
        campaign.PendingReturn = null;
        Learn(campaign, lease.Standing);
        if (lease.Granted)
        {
            campaign.Slice = new BudgetSlice(lease.LeaseId, lease.AmountMillicents, lease.ExpiresAt);
            campaign.ReportedMillicents = 0;
            campaign.LastReportTicks = now.UtcTicks;
        }
        else
        {
            // Nothing free (other silos hold it, or pacing holds it back): ask again soon.
            campaign.NextAttemptTicks = (now + _options.TickInterval).UtcTicks;
        }
    }

    private void Learn(LocalCampaign campaign, CampaignStanding standing)
    {
        campaign.Standing = standing;
        campaign.ExpectedValue = campaign.Listing.BidCpmCents
            * ClickRate.Predict(standing.Clicks, standing.Impressions, _options.PriorClicks, _options.PriorImpressions);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ad loop failed a round; the next round retries")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call to campaign {CampaignId} failed; its slice is retried in a second")]
    private static partial void LogCampaignCallFailed(ILogger logger, Exception exception, string campaignId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Returning budget slices at shutdown failed; they come back to their campaigns at their expiry")]
    private static partial void LogReturnFailed(ILogger logger, Exception exception);
}

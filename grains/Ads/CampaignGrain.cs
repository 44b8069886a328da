using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Ads;

/// <summary>
/// An ad campaign: its definition, the authority over its budget (slices to silos through <see cref="CampaignLedger"/>,
/// every change written before it is answered) and its click and conversion counts.
/// </summary>
public sealed partial class CampaignGrain(
    [PersistentState(StorageNames.CampaignState, StorageNames.Provider)] IPersistentState<CampaignState> state,
    IOptions<AdsOptions> options,
    TimeProvider time,
    IClusterMembershipService membership,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain
{
    private const int EngagementIdHistory = 20_000;

    private readonly AdsOptions _options = options.Value;

    /// <summary>This activation has listed the campaign in the directory (idempotent, so once per activation).</summary>
    private bool _listed;

    private CampaignState Campaign => state.State;

    /// <summary>Over the current state object (reading the state replaces it).</summary>
    private CampaignLedger Ledger => new(state.State, _options);

    public async Task<CampaignCreateResult> CreateAsync(CampaignDefinition definition)
    {
        if (Campaign.Definition is { } existing)
        {
            if (!existing.SameAs(definition))
            {
                return CampaignCreateResult.Conflict;
            }

            // A retry after a failure between the write and the listing lists it now.
            await ListOrDelistAsync();
            return CampaignCreateResult.Existing;
        }

        var video = await GrainFactory.Reference<IVideoGrain>(definition.VideoId).GetInfoAsync();
        if (video is not { State: PublicationState.Published })
        {
            return CampaignCreateResult.VideoNotPublished;
        }

        var now = time.GetUtcNow();
        Campaign.Definition = definition;
        Campaign.CreatorId = video.CreatorId;
        Campaign.CreatedAt = now;
        Campaign.PacedAt = now;
        await state.WriteStateAsync();
        await ListOrDelistAsync();
        return CampaignCreateResult.Created;
    }

    public async Task<CampaignStats?> GetStatsAsync()
    {
        if (Campaign.Definition is not { } definition)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (Ledger.ReclaimExpired(now, IsLiveMember))
        {
            await state.WriteStateAsync();
        }

        await ListOrDelistAsync();
        return new CampaignStats(definition, Ledger.Standing(now));
    }

    public async Task<BudgetLease> RenewAsync(string silo, LeaseSpend? returned, bool wantMore)
    {
        var now = time.GetUtcNow();
        if (Campaign.Definition is null)
        {
            return new BudgetLease(0, 0, now, new CampaignStanding(0, 0, 0, 0, 0, false));
        }

        var changed = Ledger.ReclaimExpired(now, IsLiveMember);
        if (returned is not null && !Ledger.Settle(returned))
        {
            LogLateReturn(logger, this.GetPrimaryKeyString(), returned.LeaseId, silo);
        }

        changed |= returned is not null;
        CampaignLeaseRecord? lease = null;
        if (wantMore && Ledger.IsRunning(now) && await AdVideoIsPublishedAsync())
        {
            lease = Ledger.Grant(silo, now);
        }

        // Pacing moves even when nothing is granted, so that state is written too.
        changed |= lease is not null || Campaign.Definition.EndsAt is not null;
        if (changed)
        {
            await state.WriteStateAsync();
        }

        await ListOrDelistAsync();
        var standing = Ledger.Standing(now);
        return lease is null
            ? new BudgetLease(0, 0, now, standing)
            : new BudgetLease(lease.LeaseId, lease.AmountMillicents, lease.ExpiresAt, standing);
    }

    public async Task<LeaseReport> ReportAsync(LeaseSpend spend)
    {
        var now = time.GetUtcNow();
        if (Campaign.Definition is null)
        {
            return new LeaseReport(new CampaignStanding(0, 0, 0, 0, 0, false), false);
        }

        var reclaimed = Ledger.ReclaimExpired(now, IsLiveMember);
        var open = Ledger.Report(spend, out var changed);
        if (changed || reclaimed)
        {
            await state.WriteStateAsync();
        }

        await ListOrDelistAsync();
        return new LeaseReport(Ledger.Standing(now), open);
    }

    public async Task RecordEngagementAsync(AdEngagement[] engagements)
    {
        var changed = false;
        foreach (var engagement in engagements)
        {
            if (!Campaign.EngagementIds.Add(engagement.EventId, EngagementIdHistory))
            {
                continue;
            }

            changed = true;
            if (engagement.Type == EngagementType.Click)
            {
                Campaign.Clicks++;
            }
            else if (engagement.Type == EngagementType.Conversion)
            {
                Campaign.Conversions++;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Whether the silo named (as <see cref="SiloAddress.ToString"/>) is still in the cluster and not declared dead.</summary>
    private bool IsLiveMember(string silo)
    {
        foreach (var (address, member) in membership.CurrentSnapshot.Members)
        {
            if (member.Status != SiloStatus.Dead && address.ToString() == silo)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> AdVideoIsPublishedAsync() =>
        await GrainFactory.Reference<IVideoGrain>(Campaign.Definition!.VideoId).GetInfoAsync() is { State: PublicationState.Published };

    /// <summary>Keeps the directory in step: a running campaign is listed, an ended one taken off (once, durably).</summary>
    private async Task ListOrDelistAsync()
    {
        var definition = Campaign.Definition!;
        var directory = GrainFactory.Reference<ICampaignDirectoryGrain>(0);
        if (Ledger.IsRunning(time.GetUtcNow()))
        {
            if (!_listed)
            {
                await directory.AddAsync(new CampaignListing(
                    definition.CampaignId, definition.AdvertiserId, definition.VideoId, Campaign.CreatorId,
                    definition.BidCpmCents, definition.TargetTags, definition.EndsAt));
                _listed = true;
            }

            return;
        }

        if (!Campaign.Delisted)
        {
            await directory.RemoveAsync(definition.CampaignId);
            Campaign.Delisted = true;
            await state.WriteStateAsync();
            LogEnded(logger, definition.CampaignId, Ledger.SpentMillicents);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: silo {Silo} returned lease {LeaseId} after it was taken back; its late spend is not billed")]
    private static partial void LogLateReturn(ILogger logger, string campaignId, long leaseId, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} ended, {SpentMillicents} thousandths of a cent spent")]
    private static partial void LogEnded(ILogger logger, string campaignId, long spentMillicents);
}

using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Ads;

/// <summary>
/// The list of running campaigns. Each silo's <see cref="AdService"/> reads it every few seconds (only when its
/// version changed does it get the list), so the feed path never asks it anything.
/// </summary>
public sealed class CampaignDirectoryGrain(
    [PersistentState(StorageNames.CampaignDirectoryState, StorageNames.Provider)] IPersistentState<CampaignDirectoryState> state)
    : Grain, ICampaignDirectoryGrain
{
    private CampaignDirectorySnapshot? _snapshot;

    private CampaignDirectoryState Directory => state.State;

    public async Task AddAsync(CampaignListing listing)
    {
        if (Directory.Campaigns.TryGetValue(listing.CampaignId, out var known) && known.CampaignId == listing.CampaignId
            && known.VideoId == listing.VideoId && known.BidCpmCents == listing.BidCpmCents && known.EndsAt == listing.EndsAt)
        {
            return;
        }

        Directory.Campaigns[listing.CampaignId] = listing;
        await ChangedAsync();
    }

    public async Task RemoveAsync(string campaignId)
    {
        if (Directory.Campaigns.Remove(campaignId))
        {
            await ChangedAsync();
        }
    }

    public Task<CampaignDirectorySnapshot?> GetAsync(long knownVersion)
    {
        if (knownVersion == Directory.Version)
        {
            return Task.FromResult<CampaignDirectorySnapshot?>(null);
        }

        _snapshot ??= new CampaignDirectorySnapshot(Directory.Version, [.. Directory.Campaigns.Values]);
        return Task.FromResult<CampaignDirectorySnapshot?>(_snapshot);
    }

    private async Task ChangedAsync()
    {
        Directory.Version++;
        _snapshot = null;
        await state.WriteStateAsync();
    }
}

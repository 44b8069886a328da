namespace Platform.GrainInterfaces;

/// <summary>The running campaigns, which every silo's ad service reads. One grain, key 0.</summary>
public interface ICampaignDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists a running campaign (idempotent).</summary>
    Task AddAsync(CampaignListing listing);

    /// <summary>Takes a campaign off the list: its budget is spent or its end time passed (idempotent).</summary>
    Task RemoveAsync(string campaignId);

    /// <summary>The running campaigns, or null when the version is still <paramref name="knownVersion"/>.</summary>
    Task<CampaignDirectorySnapshot?> GetAsync(long knownVersion);
}

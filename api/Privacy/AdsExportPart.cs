using Platform.GrainInterfaces;

namespace Platform.Api.Privacy;

/// <summary>
/// What ads hold about the user, as <c>"ads"</c>: interest tags (targeting), today's impressions per campaign (the
/// frequency caps) and the recent ads served (attribution). It lives in the user grain's state, so erasure removes it.
/// </summary>
public sealed class AdsExportPart(IGrainFactory grains) : IUserExportPart
{
    public async Task<IReadOnlyDictionary<string, object?>> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var ads = await grains.GetGrain<IUserGrain>(userId).ExportAdsAsync();
        return new Dictionary<string, object?>
        {
            ["ads"] = new
            {
                ads.InterestTags,
                ads.CapDay,
                ads.ShownOnCapDay,
                Served = ads.Served.Select(a => new { a.VideoId, a.CampaignId, a.At, a.Clicked, a.Converted }),
            },
        };
    }
}

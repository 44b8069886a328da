using Platform.GrainInterfaces;

namespace Platform.Api.Privacy;

/// <summary>What the user's grain holds: counters, follows, likes, histories, settings and the learned vectors.</summary>
public sealed class UserGrainExportPart(IGrainFactory grains) : IUserExportPart
{
    public async Task<IReadOnlyDictionary<string, object?>> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var data = await grains.GetGrain<IUserGrain>(userId).ExportAsync();
        return new Dictionary<string, object?>
        {
            ["counters"] = new { data.Views, data.Likes, data.Shares, data.Comments, data.WatchMs },
            ["following"] = data.Following,
            ["liked"] = data.Liked,
            ["viewed"] = data.Viewed,
            ["recentlyEngaged"] = data.Engaged,
            ["recentCreators"] = data.RecentCreators,
            ["recentlyServed"] = data.Served,
            ["settings"] = new { data.Settings.Personalization },
            ["embedding"] = data.Embedding,
            ["interest"] = data.Interest,
            ["pendingDeliveries"] = data.PendingDeliveries,
        };
    }
}

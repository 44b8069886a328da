using System.Globalization;
using Platform.GrainInterfaces;

namespace Platform.Grains.Users;

/// <summary>The user grain's privacy operations: settings, export, erasure (shared/API.md "Identity and privacy").</summary>
public sealed partial class UserGrain
{
    public Task<UserSettings> GetSettingsAsync() => Task.FromResult(User.Settings ?? UserSettings.Default);

    public async Task<UserSettings> SetSettingsAsync(UserSettings settings)
    {
        if (User.Settings != settings)
        {
            User.Settings = settings;
            await WriteAsync();
        }

        return settings;
    }

    public Task<UserDataExport> ExportAsync()
    {
        var s = User;
        return Task.FromResult(new UserDataExport(
            s.Views, s.Likes, s.Shares, s.Comments, s.WatchMs,
            s.Following.ToArray(), s.Liked.ToArray(), s.Viewed.ToArray(), s.Engaged.ToArray(), [.. s.RecentCreators], s.Served.ToArray(),
            Learned(s.Vector), Learned(s.Interest), s.Settings ?? UserSettings.Default, s.Outbox.Count));
    }

    public Task<UserAdExport> ExportAdsAsync()
    {
        var ads = User.Ads;
        var capDay = ads.ShownToday.Count == 0 ? null : new DateTime(ads.Day * TimeSpan.TicksPerDay, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Task.FromResult(new UserAdExport(
            ads.InterestTags.ToArray(),
            capDay,
            new Dictionary<string, int>(ads.ShownToday, StringComparer.Ordinal),
            [.. ads.Served.Select(a => new ServedAdExport(a.VideoId, a.CampaignId, a.At, a.Clicked, a.Converted))]));
    }

    public async Task EraseAsync()
    {
        // What the user's accepted events owe videos and creators is delivered first: their anonymous totals keep it.
        await Outbox.DrainForErasureAsync();
        _servedDirty = false;
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = new UserState();
        if (experimentUsers.RecordExists)
        {
            await experimentUsers.ClearStateAsync();
        }

        experimentUsers.State = new();

        // The activation's memory (feed signals, pending feature-log impressions) goes with it; nothing is written on the way out.
        _broken = true;
        DeactivateOnIdle();
    }

    /// <summary>A vector the user's events shaped, or nothing when it is still all zero.</summary>
    private static float[] Learned(float[] vector)
    {
        foreach (var x in vector)
        {
            if (x != 0)
            {
                return [.. vector];
            }
        }

        return [];
    }
}

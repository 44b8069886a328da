using Platform.GrainInterfaces;

namespace Platform.Grains.Users;

/// <summary>The user grain's privacy operations: settings, export, erasure (shared/API.md "Identity and privacy").</summary>
public sealed partial class UserGrain
{
    public Task<UserSettings> GetSettingsAsync() => Task.FromResult(state.State.Settings ?? UserSettings.Default);

    public async Task<UserSettings> SetSettingsAsync(UserSettings settings)
    {
        if (state.State.Settings != settings)
        {
            state.State.Settings = settings;
            await WriteAsync();
        }

        return settings;
    }

    public Task<UserDataExport> ExportAsync()
    {
        var s = state.State;
        return Task.FromResult(new UserDataExport(
            s.Views, s.Likes, s.Shares, s.Comments, s.WatchMs,
            [.. s.Following.Order], [.. s.Liked.Order], [.. s.Viewed.Order], [.. s.Engaged.Order], [.. s.RecentCreators], [.. s.Served.Order],
            Learned(s.Vector), Learned(s.Interest), s.Settings ?? UserSettings.Default, s.Outbox.Count));
    }

    public async Task EraseAsync()
    {
        // What the user's accepted events owe videos and creators is delivered first: their anonymous totals keep it.
        await DeliverOutboxAsync();
        if (_unconfirmed.Count > 0)
        {
            SendConfirmations([.. _unconfirmed]);
            _unconfirmed.Clear();
        }

        StopRetry();
        _confirmTimer?.Dispose();
        _confirmTimer = null;
        _servedDirty = false;
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = new UserState();
        await UnregisterRecoveryAsync();

        // The activation's memory (feed signals, pending feature-log impressions) goes with it.
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

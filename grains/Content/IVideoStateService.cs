using Orleans.Services;

namespace Platform.Grains.Content;

/// <summary>
/// One per silo (a grain service): hears from <see cref="VideoStateBroadcast"/> that a video changed state, so
/// the silo stops using what it cached while the old state held.
/// </summary>
public interface IVideoStateService : IGrainService
{
    /// <summary>Drops this silo's cached engagement context of the video, and holds its ads back while it is not published.</summary>
    Task VideoStateChangedAsync(string videoId, bool published);
}

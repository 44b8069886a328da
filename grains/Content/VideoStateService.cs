namespace Platform.Grains.Content;

/// <summary>
/// The silo's end of <see cref="VideoStateBroadcast"/>: a video that changed state on another silo leaves this
/// silo's cached contexts, and its ads leave this silo's feeds while it is not published.
/// </summary>
[Reentrant]
public sealed class VideoStateService(GrainId grainId, Silo silo, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory, VideoStateBroadcast broadcast)
    : GrainService(grainId, silo, loggerFactory), IVideoStateService
{
    public Task VideoStateChangedAsync(string videoId, bool published)
    {
        broadcast.ApplyHere(videoId, published);
        return Task.CompletedTask;
    }
}

using Microsoft.Extensions.Logging;
using Platform.Grains.Videos;

namespace Platform.Grains.Content;

/// <summary>
/// The silo's end of <see cref="VideoStateBroadcast"/>: a video that changed state on another silo leaves this
/// silo's <see cref="VideoContextCache"/> at once, so events here are judged by its new state.
/// </summary>
[Reentrant]
public sealed class VideoStateService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, VideoContextCache contexts)
    : GrainService(grainId, silo, loggerFactory), IVideoStateService
{
    public Task VideoStateChangedAsync(string videoId)
    {
        contexts.Invalidate(videoId);
        return Task.CompletedTask;
    }
}

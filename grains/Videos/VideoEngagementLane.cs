using Platform.GrainInterfaces;

namespace Platform.Grains.Videos;

/// <summary>
/// What this silo has waiting for one video: engagement requests not yet sent, confirmations, and
/// the context read in flight. Guarded by its own lock; retired (and replaced by a fresh lane) once
/// nothing is waiting, so idle videos cost nothing.
/// </summary>
internal sealed class VideoEngagementLane(string videoId)
{
    public string VideoId { get; } = videoId;

    /// <summary>Requests not yet sent, one entry per caller, in arrival order.</summary>
    public Queue<(VideoEngagementRequest[] Requests, TaskCompletionSource Done)> Waiting { get; } = new();

    /// <summary>Confirmations waiting for a call to the video to carry them.</summary>
    public List<EngagementConfirmation> Confirmations { get; } = [];

    /// <summary>When the oldest of <see cref="Confirmations"/> arrived (UTC ticks).</summary>
    public long ConfirmationsSince { get; set; }

    /// <summary>Whether a flush loop is running for this lane.</summary>
    public bool Flushing { get; set; }

    /// <summary>The context read every caller arriving meanwhile shares; null when none is in flight.</summary>
    public Task<VideoEngagementContext>? ContextRead { get; set; }

    /// <summary>Removed from the batcher: callers that still hold it must take a fresh lane.</summary>
    public bool Retired { get; set; }

    public bool Idle => !Flushing && ContextRead is null && Waiting.Count == 0 && Confirmations.Count == 0;
}

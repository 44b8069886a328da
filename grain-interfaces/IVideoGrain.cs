namespace Platform.GrainInterfaces;

/// <summary>A video: metadata, counters and embedding. Keyed by video id.</summary>
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>Registers the video; idempotent for the same creator.</summary>
    Task<RegistrationResult> RegisterAsync(VideoRegistration registration);

    /// <summary>The metadata, or null when the video was never registered.</summary>
    Task<VideoInfo?> GetInfoAsync();

    /// <summary>The counters, or null when the video was never registered.</summary>
    Task<VideoStats?> GetStatsAsync();

    /// <summary>Applies one user's events on this video and learns from them.</summary>
    Task<VideoEngagementResult> ApplyEngagementAsync(VideoEngagementRequest request);

    /// <summary>Takes the video down: it leaves every feed at once. False when the video is unknown.</summary>
    Task<bool> TakeDownAsync();
}

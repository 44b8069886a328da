using Platform.GrainInterfaces;

namespace Platform.Grains.Videos;

/// <summary>A video's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.VideoState")]
public sealed class VideoState
{
    /// <summary>The registration; null until the video is registered.</summary>
    [Id(0)] public VideoInfo? Info { get; set; }

    /// <summary>The video's embedding, learned online from its audience.</summary>
    [Id(1)] public float[] Vector { get; set; } = [];

    [Id(2)] public long Views { get; set; }
    [Id(3)] public long Likes { get; set; }
    [Id(4)] public long Shares { get; set; }
    [Id(5)] public long Comments { get; set; }
    [Id(6)] public long Skips { get; set; }
    [Id(7)] public long Completions { get; set; }
    [Id(8)] public long WatchMs { get; set; }
}

using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Grains.Storage;

namespace Platform.Grains.Videos;

/// <summary>A video's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.VideoState")]
public sealed class VideoState : ISeriesRowSource, ILiveState
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

    /// <summary>The last user request applied from each user: a request sent again is not applied twice.</summary>
    [Id(9)] public DeliveryLedger Users { get; set; } = new();

    /// <summary>The last sequence number given to a delta for the creator.</summary>
    [Id(10)] public long LastCreatorSequence { get; set; }

    /// <summary>Deltas owed to the creator, written with the engagement they come from, removed once acknowledged.</summary>
    [Id(11)] public List<CreatorDelta> CreatorOutbox { get; set; } = [];

    /// <summary>Every state change, automatic ones included, oldest first (written with the change itself).</summary>
    [Id(12)] public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>Time series, retention, impressions (grains/Analytics), moved in the same writes as the counters.</summary>
    [Id(13)] public VideoAnalyticsState Analytics { get; set; } = new();

    public SeriesRow[] TakeSeriesRows() => Analytics.Pending?.Take() ?? [];
}

namespace Platform.Grains.Creators;

/// <summary>One video's counters as its creator sums them.</summary>
[GenerateSerializer, Alias("Platform.VideoTotals")]
public sealed class VideoTotals
{
    [Id(0)] public long Views { get; set; }
    [Id(1)] public long Likes { get; set; }
    [Id(2)] public long Shares { get; set; }
    [Id(3)] public long Comments { get; set; }
    [Id(4)] public long WatchMs { get; set; }

    /// <summary>The last delta sequence applied from the video: a delta sent again is not applied twice.</summary>
    [Id(5)] public long LastSequence { get; set; }

    /// <summary>Views within the video's first hour, for the creator's median first hour.</summary>
    [Id(6)] public long FirstHourViews { get; set; }
}

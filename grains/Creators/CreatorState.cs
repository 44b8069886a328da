using Platform.Grains.Analytics;
using Platform.Grains.Storage;

namespace Platform.Grains.Creators;

/// <summary>A creator's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CreatorState")]
public sealed class CreatorState : ISeriesRowSource, ILiveState
{
    /// <summary>The creator's videos with their counters, by video id.</summary>
    [Id(0)] public Dictionary<string, VideoTotals> Videos { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public long Followers { get; set; }

    /// <summary>The last follower change applied from each user: a change sent again is not applied twice.</summary>
    [Id(2)] public DeliveryLedger FollowerChanges { get; set; } = new();

    /// <summary>Time series of the creator (grains/Analytics), moved in the same writes as the counters.</summary>
    [Id(3)] public CreatorAnalyticsState Analytics { get; set; } = new();

    public SeriesRow[] TakeSeriesRows() => Analytics.Pending?.Take() ?? [];
}

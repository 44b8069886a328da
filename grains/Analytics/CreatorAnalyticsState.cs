using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>A creator's analytics, part of its state (<c>CreatorState.Analytics</c>). Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CreatorAnalyticsState")]
public sealed class CreatorAnalyticsState
{
    /// <summary>Metrics of a creator's series: a video's six, then followers and tips.</summary>
    public const int Metrics = 8;

    /// <summary>The series by minute, hour and day (memory mode; in PostgreSQL mode they are in the history table).</summary>
    [Id(0)] public EngagementSeries Series { get; set; } = EngagementSeries.For(Metrics);

    /// <summary>The tips total last seen in an earnings report: the tips series counts its growth.</summary>
    [Id(1)] public long TipsCentsSeen { get; set; }

    /// <summary>Increments not yet in the history table (PostgreSQL mode and the in-process history; see <see cref="PendingSeries"/>).</summary>
    [Id(2)] public PendingSeries? Pending { get; set; }
}

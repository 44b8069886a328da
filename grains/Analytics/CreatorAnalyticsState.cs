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

    /// <summary>Increments awaiting the next state write (PostgreSQL mode); never stored in the state.</summary>
    public PendingSeries? Pending
    {
        get => _pending;
        set => _pending = value;
    }

    [NonSerialized]
    private PendingSeries? _pending;
}

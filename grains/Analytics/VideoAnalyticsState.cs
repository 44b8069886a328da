using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>A video's analytics, part of its state (<c>VideoState.Analytics</c>). Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.VideoAnalyticsState")]
public sealed class VideoAnalyticsState
{
    /// <summary>Metrics of a video's series: views, likes, shares, comments, skips, watch ms.</summary>
    public const int Metrics = 6;

    /// <summary>Retention points: 0, 10, ..., 100 % of the duration.</summary>
    public const int RetentionPoints = 11;

    /// <summary>The series by minute, hour and day (memory mode; in PostgreSQL mode they are in the history table).</summary>
    [Id(0)] public EngagementSeries Series { get; set; } = EngagementSeries.For(Metrics);

    /// <summary>Element k: views that watched at least k and less than k + 1 tenths of the duration (10: all of it).</summary>
    [Id(1)] public long[] WatchedTenths { get; set; } = new long[RetentionPoints];

    /// <summary>Sum over views of the share watched, capped at 1, in thousandths.</summary>
    [Id(2)] public long WatchFractionPermille { get; set; }

    /// <summary>Feed impressions by <see cref="CandidateSource"/> number.</summary>
    [Id(3)] public long[] Impressions { get; set; } = new long[Enum.GetValues<CandidateSource>().Length];

    /// <summary>Views whose time was within an hour of the registration.</summary>
    [Id(4)] public long FirstHourViews { get; set; }

    /// <summary>Increments not yet in the history table (PostgreSQL mode and the in-process history; see <see cref="PendingSeries"/>).</summary>
    [Id(5)] public PendingSeries? Pending { get; set; }

    /// <summary>Counts <paramref name="count"/> impressions from <paramref name="source"/>.</summary>
    public void AddImpressions(CandidateSource source, long count)
    {
        var index = (int)source;
        if (index < 0)
        {
            return;
        }

        if (index >= Impressions.Length)
        {
            var grown = new long[index + 1];
            Impressions.CopyTo(grown, 0);
            Impressions = grown;
        }

        Impressions[index] += count;
    }

    /// <summary>Element i: views that watched at least i tenths of the duration, so element 0 is every view and none rises.</summary>
    public long[] RetentionCounts()
    {
        var counts = new long[RetentionPoints];
        long sum = 0;
        for (var i = RetentionPoints - 1; i >= 0; i--)
        {
            sum += i < WatchedTenths.Length ? WatchedTenths[i] : 0;
            counts[i] = sum;
        }

        return counts;
    }
}

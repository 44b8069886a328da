using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>
/// Puts what a creator applies into its series, in the step that moves its counters: a video's delta by the
/// minutes its buckets carry, a follower change and the growth of the tips total at the time they arrive.
/// </summary>
public sealed class CreatorAnalyticsRecorder(string creatorId, bool inTables, TimeSpan historyFlushInterval)
{
    /// <summary>Records an applied video delta; a delta without buckets (sent before analytics) counts at <paramref name="now"/>.</summary>
    public void RecordDelta(CreatorAnalyticsState state, CreatorDelta delta, DateTimeOffset now)
    {
        var series = Target(state);
        var nowMinute = SeriesResolutions.MinuteOf(now);
        if (delta.Buckets is not { } buckets)
        {
            series.Add(nowMinute, SeriesMetric.Views, delta.Views, nowMinute);
            series.Add(nowMinute, SeriesMetric.Likes, delta.Likes, nowMinute);
            series.Add(nowMinute, SeriesMetric.Shares, delta.Shares, nowMinute);
            series.Add(nowMinute, SeriesMetric.Comments, delta.Comments, nowMinute);
            series.Add(nowMinute, SeriesMetric.WatchMs, delta.WatchMs, nowMinute);
            return;
        }

        foreach (var bucket in buckets)
        {
            var minute = Math.Min(bucket.Minute, nowMinute);
            var count = Math.Min(bucket.Values.Length, (int)SeriesMetric.Followers);
            for (var m = 0; m < count; m++)
            {
                series.Add(minute, (SeriesMetric)m, bucket.Values[m], nowMinute);
            }
        }
    }

    /// <summary>Records an applied follower change.</summary>
    public void RecordFollowers(CreatorAnalyticsState state, long change, DateTimeOffset now)
    {
        var minute = SeriesResolutions.MinuteOf(now);
        Target(state).Add(minute, SeriesMetric.Followers, change, minute);
    }

    /// <summary>
    /// Records the growth of the tips total in an earnings report; false when the report shows no growth (an
    /// older or repeated report, which earnings reports may be: they are one-way and may cross).
    /// </summary>
    public bool RecordTips(CreatorAnalyticsState state, long tipsCentsTotal, DateTimeOffset now)
    {
        if (tipsCentsTotal <= state.TipsCentsSeen)
        {
            return false;
        }

        var minute = SeriesResolutions.MinuteOf(now);
        Target(state).Add(minute, SeriesMetric.TipsCents, tipsCentsTotal - state.TipsCentsSeen, minute);
        state.TipsCentsSeen = tipsCentsTotal;
        return true;
    }

    private EngagementSeries Target(CreatorAnalyticsState state)
    {
        if (!inTables)
        {
            return state.Series;
        }

        var pending = state.Pending ??= new PendingSeries("c:" + creatorId, CreatorAnalyticsState.Metrics);
        pending.FlushInterval = historyFlushInterval;
        return pending.Increments;
    }
}

using Platform.GrainInterfaces;
using Platform.Grains.Engagement;

namespace Platform.Grains.Analytics;

/// <summary>
/// Puts a video's applied events into its analytics, in the same synchronous step that moves its counters
/// (so in the same state write, the one exactly-once path): the series buckets of each event's own time, the
/// retention curve, the watch fraction and the first-hour views; and gathers the creator's share, bucketed by
/// minute, for the next <see cref="CreatorDelta"/>. One per video activation; allocates nothing per event
/// but a new bucket.
/// </summary>
public sealed class VideoAnalyticsRecorder(string videoId, bool inTables, TimeSpan historyFlushInterval)
{
    private static readonly TimeSpan FirstHour = TimeSpan.FromHours(1);

    private readonly List<long> _minutes = [];
    private readonly List<long[]> _values = [];
    private long _firstHourViews;

    /// <summary>Records one applied event. Times in the future count now: no event happens after it arrives.</summary>
    public void Record(VideoAnalyticsState state, VideoInfo info, EngagementRule rule, EngagementEvent e, DateTimeOffset now)
    {
        var at = e.At > now ? now : e.At;
        var minute = SeriesResolutions.MinuteOf(at);
        var nowMinute = SeriesResolutions.MinuteOf(now);
        var series = inTables ? Pending(state).Increments : state.Series;
        var watchMs = rule.CountsWatchTime ? e.WatchMs : 0;
        Add(series, minute, nowMinute, SeriesMetric.Views, rule.Views);
        Add(series, minute, nowMinute, SeriesMetric.Likes, rule.Likes);
        Add(series, minute, nowMinute, SeriesMetric.Shares, rule.Shares);
        Add(series, minute, nowMinute, SeriesMetric.Comments, rule.Comments);
        Add(series, minute, nowMinute, SeriesMetric.Skips, rule.Skips);
        Add(series, minute, nowMinute, SeriesMetric.WatchMs, watchMs);
        if (rule.Views <= 0)
        {
            return;
        }

        var duration = info.DurationMs;
        var tenths = duration <= 0 ? 10 : (int)Math.Clamp(watchMs * 10 / duration, 0, 10);
        state.WatchedTenths[tenths] += rule.Views;
        state.WatchFractionPermille += rule.Views * (duration <= 0 ? 1000 : Math.Clamp(watchMs * 1000 / duration, 0, 1000));
        if (at < info.RegisteredAt + FirstHour)
        {
            state.FirstHourViews += rule.Views;
            _firstHourViews += rule.Views;
        }
    }

    /// <summary>True when events recorded since the last <see cref="TakeCreatorShare"/> changed a series.</summary>
    public bool HasCreatorShare => _minutes.Count > 0;

    /// <summary>The creator's share gathered since the last call, by minute; starts anew.</summary>
    public (SeriesBucket[]? Buckets, long FirstHourViews) TakeCreatorShare()
    {
        var firstHour = _firstHourViews;
        _firstHourViews = 0;
        if (_minutes.Count == 0)
        {
            return (null, firstHour);
        }

        var buckets = new SeriesBucket[_minutes.Count];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new SeriesBucket(_minutes[i], _values[i]);
        }

        _minutes.Clear();
        _values.Clear();
        return (buckets, firstHour);
    }

    private void Add(EngagementSeries series, long minute, long nowMinute, SeriesMetric metric, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        series.Add(minute, metric, delta, nowMinute);
        var index = _minutes.Count - 1;
        if (index < 0 || _minutes[index] != minute)
        {
            index = _minutes.IndexOf(minute);
            if (index < 0)
            {
                _minutes.Add(minute);
                _values.Add(new long[VideoAnalyticsState.Metrics]);
                index = _minutes.Count - 1;
            }
        }

        _values[index][(int)metric] += delta;
    }

    private PendingSeries Pending(VideoAnalyticsState state)
    {
        var pending = state.Pending ??= new PendingSeries("v:" + videoId, VideoAnalyticsState.Metrics);
        pending.FlushInterval = historyFlushInterval;
        return pending;
    }
}

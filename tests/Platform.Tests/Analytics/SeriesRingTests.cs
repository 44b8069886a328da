using Platform.GrainInterfaces;
using Platform.Grains.Analytics;

namespace Platform.Tests.Analytics;

public sealed class SeriesRingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void OutOfOrderBucketsAreKeptSortedAndSummed()
    {
        var ring = SeriesRing.For(2);
        var random = new Random(19);
        var expected = new long[50];
        for (var i = 0; i < 2_000; i++)
        {
            var bucket = random.Next(50);
            var delta = random.Next(1, 5);
            Assert.True(ring.Add(1_000 + bucket, 1, delta, oldestKept: 0));
            expected[bucket] += delta;
        }

        var values = new long[50];
        ring.Fill(1_000, 1, values);
        Assert.Equal(expected, values);
        Assert.Equal(50, ring.Count);
        Assert.True(ring.Buckets.AsSpan(0, ring.Count).SequenceEqual([.. ring.Buckets.AsSpan(0, ring.Count).ToArray().Order()]));
        ring.Fill(1_000, 0, values);
        Assert.All(values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void BucketsOlderThanTheWindowAreDroppedAndNeverHeld()
    {
        var ring = SeriesRing.For(1);
        for (long b = 0; b < 100; b++)
        {
            ring.Add(b, 0, 1, oldestKept: b - 9);
        }

        Assert.Equal(10, ring.Count);
        Assert.Equal(90, ring.Buckets[0]);
        Assert.False(ring.Add(50, 0, 1, oldestKept: 90));
        Assert.Equal(0, ring.Get(50, 0));
        Assert.Equal(1, ring.Get(99, 0));
    }

    [Fact]
    public void EveryResolutionOfAWindowAddsUpToTheSameTotal()
    {
        var series = EngagementSeries.For(VideoAnalyticsState.Metrics);
        var random = new Random(7);
        var nowMinute = SeriesResolutions.MinuteOf(Now);
        long total = 0;
        for (var i = 0; i < 500; i++)
        {
            // Within the last 40 hours: every resolution keeps it.
            var minute = nowMinute - random.Next(40 * 60);
            var delta = random.Next(1, 1000);
            series.Add(minute, SeriesMetric.WatchMs, delta, nowMinute);
            total += delta;
        }

        foreach (var resolution in SeriesResolutions.All)
        {
            var points = series.Query(new SeriesQuery(SeriesMetric.WatchMs, resolution, Now.AddHours(-41), Now.AddMinutes(1)), Now);
            Assert.Equal(total, points.Sum(p => p.Value));
            Assert.Equal(0, series.Query(new SeriesQuery(SeriesMetric.Views, resolution, Now.AddHours(-41), Now), Now).Sum(p => p.Value));
        }
    }

    [Fact]
    public void WindowCoversTheBucketsStartingInFromToAndStopsAtNow()
    {
        var query = new SeriesQuery(SeriesMetric.Views, SeriesResolution.Hour, Now.AddHours(-3).AddMinutes(10), Now.AddHours(5));
        var (first, end) = SeriesResolutions.Window(query, Now);
        Assert.Equal(SeriesResolutions.BucketOf(SeriesResolution.Hour, Now.AddHours(-3)), first);
        Assert.Equal(SeriesResolutions.BucketOf(SeriesResolution.Hour, Now) + 1, end);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), SeriesResolutions.StartOf(SeriesResolution.Hour, first));

        // Older than the minute resolution keeps: nothing.
        var old = new SeriesQuery(SeriesMetric.Views, SeriesResolution.Minute, Now.AddDays(-5), Now.AddDays(-3));
        var (oldFirst, oldEnd) = SeriesResolutions.Window(old, Now);
        Assert.Equal(oldFirst, oldEnd);
    }

    [Fact]
    public void DaysAreUtcDays()
    {
        var late = new DateTimeOffset(2026, 12, 1, 23, 59, 0, TimeSpan.Zero);
        var early = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(SeriesResolutions.BucketOf(SeriesResolution.Day, late) + 1, SeriesResolutions.BucketOf(SeriesResolution.Day, early));
        Assert.Equal(early, SeriesResolutions.StartOf(SeriesResolution.Day, SeriesResolutions.BucketOf(SeriesResolution.Day, early)));
        Assert.Equal(SeriesResolutions.BucketOf(SeriesResolution.Day, late), SeriesResolutions.BucketOf(SeriesResolution.Day, late.ToOffset(TimeSpan.FromHours(5))));
    }

    [Fact]
    public void PendingIncrementsBecomeRowsOnceAndLeaveNone()
    {
        var pending = new PendingSeries("v:x", VideoAnalyticsState.Metrics);
        var nowMinute = SeriesResolutions.MinuteOf(Now);
        pending.Increments.Add(nowMinute, SeriesMetric.Views, 2, nowMinute);
        pending.Increments.Add(nowMinute - 90, SeriesMetric.Views, 3, nowMinute);

        var rows = pending.Take();
        Assert.Equal(5, rows.Where(r => r.Resolution == SeriesResolution.Minute).Sum(r => r.Values[0]));
        Assert.Equal(5, rows.Where(r => r.Resolution == SeriesResolution.Hour).Sum(r => r.Values[0]));
        Assert.Equal(5, rows.Where(r => r.Resolution == SeriesResolution.Day).Sum(r => r.Values[0]));
        Assert.Equal(2, rows.Count(r => r.Resolution == SeriesResolution.Minute));
        Assert.All(rows, r => Assert.Equal("v:x", r.Series));
        Assert.Empty(pending.Take());
    }
}

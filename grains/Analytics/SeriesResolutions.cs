using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>
/// The bucket arithmetic of the three resolutions. Buckets are numbered from the Unix epoch in their own
/// width (minute n starts n minutes after it; days are UTC days), so every resolution's bucket of an
/// instant follows from its minute.
/// </summary>
public static class SeriesResolutions
{
    /// <summary>Every resolution, finest first.</summary>
    public static readonly SeriesResolution[] All = [SeriesResolution.Minute, SeriesResolution.Hour, SeriesResolution.Day];

    private const long MillisecondsPerMinute = 60_000;

    /// <summary>Minutes in one bucket of <paramref name="resolution"/>.</summary>
    public static long MinutesPerBucket(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Minute => 1,
        SeriesResolution.Hour => 60,
        SeriesResolution.Day => 1440,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution)),
    };

    /// <summary>Buckets kept: 48 hours of minutes, 90 days of hours, 2 years (730 days) of days.</summary>
    public static int Capacity(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Minute => 48 * 60,
        SeriesResolution.Hour => 90 * 24,
        SeriesResolution.Day => 730,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution)),
    };

    /// <summary>How far back <paramref name="resolution"/> reaches.</summary>
    public static TimeSpan Retention(SeriesResolution resolution) => TimeSpan.FromMinutes(Capacity(resolution) * MinutesPerBucket(resolution));

    /// <summary>The minute (since the epoch) that holds <paramref name="at"/>.</summary>
    public static long MinuteOf(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeMilliseconds(), MillisecondsPerMinute) switch
    {
        (var q, < 0) => q - 1,
        (var q, _) => q,
    };

    /// <summary>The bucket of <paramref name="resolution"/> that holds minute <paramref name="minute"/>.</summary>
    public static long BucketOfMinute(SeriesResolution resolution, long minute)
    {
        var width = MinutesPerBucket(resolution);
        var (q, r) = Math.DivRem(minute, width);
        return r < 0 ? q - 1 : q;
    }

    /// <summary>The bucket of <paramref name="resolution"/> that holds <paramref name="at"/>.</summary>
    public static long BucketOf(SeriesResolution resolution, DateTimeOffset at) => BucketOfMinute(resolution, MinuteOf(at));

    /// <summary>When bucket <paramref name="bucket"/> of <paramref name="resolution"/> starts.</summary>
    public static DateTimeOffset StartOf(SeriesResolution resolution, long bucket) =>
        DateTimeOffset.FromUnixTimeMilliseconds(bucket * MinutesPerBucket(resolution) * MillisecondsPerMinute);

    /// <summary>The oldest bucket still kept when the newest is the one holding <paramref name="nowMinute"/>.</summary>
    public static long OldestKept(SeriesResolution resolution, long nowMinute) => BucketOfMinute(resolution, nowMinute) - Capacity(resolution) + 1;

    /// <summary>
    /// The buckets a query covers, [first, end): those starting in [from, to) — <paramref name="from"/> rounded down to its
    /// bucket's start — within what the resolution keeps at <paramref name="now"/>. Empty (first == end) when nothing is left.
    /// </summary>
    public static (long First, long End) Window(SeriesQuery query, DateTimeOffset now)
    {
        var nowMinute = MinuteOf(now);
        var first = Math.Max(BucketOf(query.Resolution, query.From), OldestKept(query.Resolution, nowMinute));
        var to = query.To > now ? now : query.To;
        var last = BucketOf(query.Resolution, to);
        var end = StartOf(query.Resolution, last) < to ? last + 1 : last;
        end = Math.Min(end, BucketOfMinute(query.Resolution, nowMinute) + 1);
        return end > first ? (first, end) : (first, first);
    }
}

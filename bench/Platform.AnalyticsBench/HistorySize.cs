using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;

namespace Platform.AnalyticsBench;

/// <summary>
/// Bytes of a video's history in its stored state (the Orleans binary serializer, as storage writes it): one day
/// with something in every minute, a day once its minutes have aged out (hours and a day bucket left), and the most a
/// video ever holds (every bucket of every resolution used).
/// </summary>
public static class HistorySize
{
    public static void Print(IServiceProvider services)
    {
        var serializer = services.GetRequiredService<Serializer>();
        var empty = Size(serializer, new VideoAnalyticsState());
        var now = SeriesResolutions.MinuteOf(DateTimeOffset.UtcNow);

        var day = new VideoAnalyticsState();
        Fill(day.Series, now, minutes: 1440, step: 1);
        var aged = new VideoAnalyticsState();
        Fill(aged.Series, now, minutes: 1440, step: 60);
        var full = new VideoAnalyticsState();
        Fill(full.Series, now, minutes: 730 * 1440, step: 1);

        Console.WriteLine($"history bytes per video (memory mode, in state): empty analytics {empty} B; " +
            $"a day with events every minute +{Size(serializer, day) - empty:N0} B; " +
            $"a day after its minutes aged out (48 h on) +{Size(serializer, aged) - empty:N0} B; " +
            $"at most (every bucket used: {full.Series.Minutes.Count} minutes, {full.Series.Hours.Count} hours, {full.Series.Days.Count} days) {Size(serializer, full):N0} B");
    }

    private static int Size(Serializer serializer, VideoAnalyticsState state) => serializer.SerializeToArray(state).Length;

    // Views, likes, watch time and skips in every step-th minute of the span, oldest first as events arrive.
    private static void Fill(EngagementSeries series, long nowMinute, int minutes, int step)
    {
        var random = new Random(19);
        for (long minute = nowMinute - minutes + 1; minute <= nowMinute; minute += step)
        {
            series.Add(minute, SeriesMetric.Views, random.Next(1, 200), minute);
            series.Add(minute, SeriesMetric.Likes, random.Next(0, 20), minute);
            series.Add(minute, SeriesMetric.WatchMs, random.Next(10_000, 3_000_000), minute);
            series.Add(minute, SeriesMetric.Skips, random.Next(0, 30), minute);
        }
    }
}

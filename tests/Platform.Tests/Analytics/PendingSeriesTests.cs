using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Grains.Videos;

namespace Platform.Tests.Analytics;

[Collection(AnalyticsCollection.Name)]
public sealed class PendingSeriesTests(AnalyticsPlatformFixture platform)
{
    private const long Minute = 29_000_000;

    [Fact]
    public void IncrementsWaitForTheFlushIntervalAfterTheFirstHandOverOfAnActivation()
    {
        var pending = new PendingSeries("v:x", VideoAnalyticsState.Metrics) { FlushInterval = TimeSpan.FromHours(1) };
        pending.Increments.Add(Minute, SeriesMetric.Views, 1, Minute);
        Assert.Equal(3, pending.TakeDue().Length);

        pending.Increments.Add(Minute, SeriesMetric.Views, 2, Minute);
        Assert.Empty(pending.TakeDue());
        Assert.False(pending.Increments.IsEmpty);

        pending.FlushInterval = TimeSpan.Zero;
        var rows = pending.TakeDue();
        Assert.Equal([SeriesResolution.Minute, SeriesResolution.Hour, SeriesResolution.Day], rows.Select(r => r.Resolution));
        Assert.All(rows, r => Assert.Equal(2, r.Values[(int)SeriesMetric.Views]));
        Assert.True(pending.Increments.IsEmpty);
    }

    [Fact]
    public void WaitingIncrementsAreStoredWithTheStateAndANewActivationHandsThemOverAtOnce()
    {
        var state = new VideoState();
        var pending = state.Analytics.Pending = new PendingSeries("v:y", VideoAnalyticsState.Metrics) { FlushInterval = TimeSpan.FromHours(1) };
        pending.Increments.Add(Minute, SeriesMetric.Views, 1, Minute);
        _ = state.TakeSeriesRows();
        pending.Increments.Add(Minute, SeriesMetric.WatchMs, 4_000, Minute);
        Assert.Empty(state.TakeSeriesRows());

        var serializer = platform.Server.Services.GetRequiredService<Serializer>();
        var stored = serializer.Deserialize<VideoState>(serializer.SerializeToArray(state))!;

        var rows = stored.TakeSeriesRows();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal("v:y", r.Series));
        Assert.All(rows, r => Assert.Equal(4_000, r.Values[(int)SeriesMetric.WatchMs]));
    }

    [Fact]
    public void ABacklogOfManyMinutesGoesAtOnce()
    {
        var pending = new PendingSeries("v:z", VideoAnalyticsState.Metrics) { FlushInterval = TimeSpan.FromHours(1) };
        pending.Increments.Add(Minute, SeriesMetric.Views, 1, Minute);
        _ = pending.TakeDue();
        for (var m = 0; m < 64; m++)
        {
            pending.Increments.Add(Minute - 100 + m, SeriesMetric.Views, 1, Minute);
        }

        Assert.NotEmpty(pending.TakeDue());
    }

    [Fact]
    public void ADeactivatingGrainsLastWriteTakesWhatWaits()
    {
        var pending = new PendingSeries("v:d", VideoAnalyticsState.Metrics) { FlushInterval = TimeSpan.FromHours(1) };
        Assert.False(pending.DueWithNextWrite());
        pending.Increments.Add(Minute, SeriesMetric.Views, 1, Minute);
        _ = pending.TakeDue();
        pending.Increments.Add(Minute, SeriesMetric.Views, 5, Minute);
        Assert.Empty(pending.TakeDue());

        Assert.True(pending.DueWithNextWrite());
        var rows = pending.TakeDue();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal(5, r.Values[(int)SeriesMetric.Views]));
        Assert.False(pending.DueWithNextWrite());
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Grains.Creators;
using Platform.Grains.Videos;

namespace Platform.Tests.Analytics;

[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsSerializationTests(AnalyticsPlatformFixture platform)
{
    public static TheoryData<object> Messages() => new()
    {
        new SeriesQuery(SeriesMetric.TipsCents, SeriesResolution.Day, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3)),
        new SeriesPoint(DateTimeOffset.UnixEpoch, 42),
        new SeriesBucket(29_000_000, [1, 0, 0, 0, 2, 1_500]),
        new SourceImpressions(CandidateSource.CoEngagement, 7),
        new VideoAnalytics("v-1", 10, 4, 2, 1, 2_600, [4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2], [1, 2, 3, 0, 4, 0, 0], 4, "c-1"),
        new CreatorDelta("v-1", 1, 0, 0, 0, 1_500, 9, [new SeriesBucket(29_000_000, [1, 0, 0, 0, 0, 1_500])], 1),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void MessageRoundTripsThroughTheOrleansSerializer(object message)
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message));

        Assert.Equal(JsonSerializer.Serialize(message), JsonSerializer.Serialize(copy));
    }

    [Fact]
    public void AnalyticsStateRoundTripsWithTheIncrementsStillWaitingForTheHistoryTable()
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();
        var video = new VideoState();
        var minute = SeriesResolutions.MinuteOf(DateTimeOffset.UtcNow);
        video.Analytics.Series.Add(minute - 5, SeriesMetric.Views, 3, minute);
        video.Analytics.WatchedTenths[7] = 2;
        video.Analytics.AddImpressions(CandidateSource.Fresh, 5);
        video.Analytics.Pending = new PendingSeries("v:v-1", VideoAnalyticsState.Metrics);
        video.Analytics.Pending.Increments.Add(minute, SeriesMetric.Likes, 1, minute);
        var creator = new CreatorState();
        creator.Analytics.Series.Add(minute, SeriesMetric.Followers, 2, minute);
        creator.Analytics.TipsCentsSeen = 500;

        var videoCopy = serializer.Deserialize<VideoState>(serializer.SerializeToArray(video))!;
        var creatorCopy = serializer.Deserialize<CreatorState>(serializer.SerializeToArray(creator))!;

        Assert.Equal(3, videoCopy.Analytics.Series.Hours.Get(SeriesResolutions.BucketOfMinute(SeriesResolution.Hour, minute - 5), (int)SeriesMetric.Views));
        Assert.Equal(2, videoCopy.Analytics.RetentionCounts()[7]);
        Assert.Equal(5, videoCopy.Analytics.Impressions[(int)CandidateSource.Fresh]);
        Assert.Equal(3, videoCopy.TakeSeriesRows().Length);
        Assert.Empty(videoCopy.TakeSeriesRows());
        Assert.Equal(3, video.TakeSeriesRows().Length);
        Assert.Equal(2, creatorCopy.Analytics.Series.Days.Get(SeriesResolutions.BucketOfMinute(SeriesResolution.Day, minute), (int)SeriesMetric.Followers));
        Assert.Equal(500, creatorCopy.Analytics.TipsCentsSeen);
    }
}

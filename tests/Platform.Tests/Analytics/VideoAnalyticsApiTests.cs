using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Analytics;

[Collection(AnalyticsCollection.Name)]
public sealed class VideoAnalyticsApiTests(AnalyticsPlatformFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task RetentionSkipRateAndWatchFractionAreExact()
    {
        var (creator, video) = (NewId("c"), NewId("v"));
        await _http.RegisterVideoAsync(video, creator, durationMs: 20_000);
        await _http.PostEventsAsync(
            View(NewId("u"), video, watchMs: 2_000),
            View(NewId("u"), video, watchMs: 10_000),
            View(NewId("u"), video, watchMs: 20_000),
            View(NewId("u"), video, watchMs: 25_000),
            Engage("skip", NewId("u"), video),
            Engage("skip", NewId("u"), video));

        var a = await _http.GetJsonAsync($"/v1/videos/{video}/analytics");
        Assert.Equal(video, (string)a["videoId"]!);
        Assert.Equal(4, (long)a["views"]!);
        Assert.Equal(2, (long)a["skips"]!);
        Assert.Equal(2.0 / 6, (double)a["skipRate"]!, 12);
        Assert.Equal(0.5, (double)a["completionRate"]!, 12);
        Assert.Equal((0.1 + 0.5 + 1 + 1) / 4, (double)a["averageWatchFraction"]!, 12);

        // Watched at least i tenths: 2 s reaches 1, 10 s reaches 5, 20 s and 25 s reach 10.
        var retention = a["retention"]!.AsArray().Select(r => (double)r!).ToArray();
        Assert.Equal([1, 1, 0.75, 0.75, 0.75, 0.75, 0.5, 0.5, 0.5, 0.5, 0.5], retention);
        Assert.True(retention.Zip(retention.Skip(1)).All(p => p.Second <= p.First), "retention never rises");
        Assert.Equal(4, (long)a["firstHourViews"]!);
        Assert.Equal(0, (long)a["impressions"]!);
    }

    [Fact]
    public async Task FirstHourViewsCompareWithTheCreatorsMedian()
    {
        var creator = NewId("c");
        var videos = new[] { NewId("v"), NewId("v"), NewId("v") };
        var views = new[] { 1, 4, 6 };
        for (var i = 0; i < videos.Length; i++)
        {
            await _http.RegisterVideoAsync(videos[i], creator);
            await _http.PostEventsAsync([.. Enumerable.Range(0, views[i]).Select(_ => View(NewId("u"), videos[i]))]);
        }

        await _http.PostEventsAsync(new { eventId = NewId("e"), userId = NewId("u"), videoId = videos[0], type = "view", watchMs = 1_000,
            at = DateTimeOffset.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });

        var first = await _http.GetJsonAsync($"/v1/videos/{videos[0]}/analytics");
        Assert.Equal(2, (long)first["views"]!);

        // Sent from the future, the view counts when it arrived: within the first hour.
        Assert.Equal(2, (long)first["firstHourViews"]!);
        Assert.Equal(4, (long)first["creatorMedianFirstHourViews"]!);
        var last = await _http.GetJsonAsync($"/v1/videos/{videos[2]}/analytics");
        Assert.Equal(6, (long)last["firstHourViews"]!);
    }

    [Fact]
    public async Task ImpressionsCountEveryServedItemBySource()
    {
        var creator = NewId("c");
        var videos = Enumerable.Range(0, 8).Select(_ => NewId("v")).ToArray();
        foreach (var video in videos)
        {
            await _http.RegisterVideoAsync(video, creator, 30_000, "analytics");
        }

        var expected = new Dictionary<(string Video, string Source), long>();
        foreach (var user in new[] { NewId("u"), NewId("u"), NewId("u") })
        {
            foreach (var item in await _http.GetFeedAsync(user, count: 5))
            {
                var key = ((string)item["videoId"]!, (string)item["source"]!);
                expected[key] = expected.GetValueOrDefault(key) + 1;
            }
        }

        Assert.NotEmpty(expected);
        foreach (var video in expected.Keys.Select(k => k.Video).Distinct())
        {
            var total = expected.Where(e => e.Key.Video == video).Sum(e => e.Value);
            var analytics = await Poll.UntilAsync(
                () => _http.GetJsonAsync($"/v1/videos/{video}/analytics"), a => (long)a["impressions"]! >= total, $"{video} has {total} impressions");
            Assert.Equal(total, (long)analytics["impressions"]!);
            foreach (var (source, count) in TimeSeriesApiTests.Source(analytics))
            {
                Assert.Equal(expected.GetValueOrDefault((video, source)), (long)count!);
            }
        }
    }
}

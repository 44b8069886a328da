using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Analytics;

[Collection(AnalyticsCollection.Name)]
public sealed class TimeSeriesApiTests(AnalyticsPlatformFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    private static object At(string type, string userId, string videoId, DateTimeOffset at, long watchMs = 0) =>
        new { eventId = NewId("e"), userId, videoId, type, watchMs, at = Iso(at) };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private async Task<List<(DateTimeOffset At, long Value)>> SeriesAsync(string path)
    {
        var series = await _http.GetJsonAsync(path);
        return [.. series["points"]!.AsArray().Select(p => (DateTimeOffset.Parse((string)p!["at"]!, CultureInfo.InvariantCulture), (long)p["value"]!))];
    }

    [Fact]
    public async Task EventsOverTheLastHoursLandInTheBucketsOfTheirOwnTimes()
    {
        var (creator, video) = (NewId("c"), NewId("v"));
        await _http.RegisterVideoAsync(video, creator, durationMs: 20_000);
        var now = DateTimeOffset.UtcNow;
        var t1 = Minute(now.AddMinutes(-170)).AddSeconds(5);
        var t2 = Minute(now.AddMinutes(-95)).AddSeconds(30);
        var t3 = Minute(now.AddMinutes(-30)).AddSeconds(59);
        await _http.PostEventsAsync(
            At("view", NewId("u"), video, t1, 4_000),
            At("view", NewId("u"), video, t2, 6_000),
            At("view", NewId("u"), video, t2, 1_000),
            At("like", NewId("u"), video, t2),
            At("share", NewId("u"), video, t3),
            At("skip", NewId("u"), video, t3),
            At("view", NewId("u"), video, now.AddHours(3), 2_000));

        var stats = await _http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(4, (long)stats["views"]!);

        var from = Iso(now.AddHours(-4));
        var to = Iso(now.AddMinutes(1));
        var minutes = await SeriesAsync($"/v1/videos/{video}/timeseries?metric=views&resolution=minute&from={from}&to={to}");
        Assert.Equal(4, minutes.Sum(p => p.Value));
        Assert.Equal(1, minutes.Single(p => p.At == Minute(t1)).Value);
        Assert.Equal(2, minutes.Single(p => p.At == Minute(t2)).Value);

        // The future view counts when it arrived, in the newest minute.
        Assert.Equal(1, minutes.Where(p => p.At >= Minute(now)).Sum(p => p.Value));
        Assert.All(minutes, p => Assert.Equal(0, p.At.Second));
        Assert.Equal(minutes.Count, minutes.Select(p => p.At).Distinct().Count());
        Assert.True(minutes.Zip(minutes.Skip(1)).All(pair => pair.Second.At - pair.First.At == TimeSpan.FromMinutes(1)), "every minute, in order");

        var watch = await SeriesAsync($"/v1/videos/{video}/timeseries?metric=watchMs&resolution=minute&from={from}&to={to}");
        Assert.Equal((long)stats["watchMsTotal"]!, watch.Sum(p => p.Value));
        Assert.Equal(7_000, watch.Single(p => p.At == Minute(t2)).Value);

        var hours = await SeriesAsync($"/v1/videos/{video}/timeseries?metric=views&resolution=hour&from={from}&to={to}");
        Assert.Equal(4, hours.Sum(p => p.Value));
        Assert.Equal(2, hours.Single(p => p.At == new DateTimeOffset(t2.Year, t2.Month, t2.Day, t2.Hour, 0, 0, TimeSpan.Zero)).Value);
        var days = await SeriesAsync($"/v1/videos/{video}/timeseries?metric=views&resolution=day&from={Iso(now.AddDays(-3))}&to={to}");
        Assert.Equal(4, days.Sum(p => p.Value));

        foreach (var (metric, counter) in new[] { ("likes", "likes"), ("shares", "shares"), ("skips", "skips") })
        {
            var points = await SeriesAsync($"/v1/videos/{video}/timeseries?metric={metric}&resolution=minute&from={from}&to={to}");
            Assert.Equal((long)stats[counter]!, points.Sum(p => p.Value));
        }

        // [from, to): t2's minute is in, t3's minute (the bound 'to') is out.
        var window = await SeriesAsync($"/v1/videos/{video}/timeseries?metric=views&resolution=minute&from={Iso(t2)}&to={Iso(Minute(t3))}");
        Assert.Equal(Minute(t2), window[0].At);
        Assert.Equal(Minute(t3).AddMinutes(-1), window[^1].At);
        Assert.Equal(2, window.Sum(p => p.Value));
        var skips = await SeriesAsync($"/v1/videos/{video}/timeseries?metric=skips&resolution=minute&from={Iso(t2)}&to={Iso(Minute(t3))}");
        Assert.Equal(0, skips.Sum(p => p.Value));

        // The creator's series: the same buckets, summed over its videos.
        var creatorMinutes = await SeriesAsync($"/v1/creators/{creator}/timeseries?metric=views&resolution=minute&from={from}&to={to}");
        Assert.Equal(minutes, creatorMinutes);
        var creatorSkips = await SeriesAsync($"/v1/creators/{creator}/timeseries?metric=skips&resolution=hour&from={from}&to={to}");
        Assert.Equal(1, creatorSkips.Sum(p => p.Value));
    }

    [Fact]
    public async Task CreatorSeriesSumItsVideosAndCountFollowers()
    {
        var (creator, a, b) = (NewId("c"), NewId("v"), NewId("v"));
        await _http.RegisterVideoAsync(a, creator);
        await _http.RegisterVideoAsync(b, creator);
        var now = DateTimeOffset.UtcNow;
        var (fan, other) = (NewId("u"), NewId("u"));
        await _http.PostEventsAsync(
            At("view", fan, a, now.AddMinutes(-50), 3_000),
            At("view", other, b, now.AddMinutes(-50), 5_000),
            At("view", other, a, now.AddMinutes(-10), 1_000),
            Follow(fan, creator),
            Follow(other, creator));
        await _http.PostEventsAsync(Follow(other, creator, "unfollow"));

        var views = await SeriesAsync($"/v1/creators/{creator}/timeseries?metric=views");
        Assert.Equal(61, views.Count);
        Assert.Equal(3, views.Sum(p => p.Value));
        Assert.Equal(2, views.Single(p => p.At == Minute(now.AddMinutes(-50))).Value);
        var watch = await SeriesAsync($"/v1/creators/{creator}/timeseries?metric=watchMs&resolution=day");
        Assert.Equal(9_000, watch.Sum(p => p.Value));
        var stats = await _http.GetJsonAsync($"/v1/creators/{creator}/stats");
        var followers = await SeriesAsync($"/v1/creators/{creator}/timeseries?metric=followers&resolution=hour");
        Assert.Equal((long)stats["followers"]!, followers.Sum(p => p.Value));
        Assert.Equal(1, followers.Sum(p => p.Value));
    }

    [Fact]
    public async Task ASeriesDownloadsAsCsv()
    {
        var (creator, video) = (NewId("c"), NewId("v"));
        await _http.RegisterVideoAsync(video, creator);
        var at = DateTimeOffset.UtcNow.AddMinutes(-20);
        await _http.PostEventsAsync(At("view", NewId("u"), video, at, 1_500), At("view", NewId("u"), video, at, 2_500));

        var response = await _http.GetAsync($"/v1/videos/{video}/timeseries?metric=watchMs&resolution=minute&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{video}-watchMs-minute.csv", response.Content.Headers.ContentDisposition?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("at,watchMs", lines[0]);
        Assert.Equal(61, lines.Length - 1);
        Assert.Equal($"{Iso(Minute(at))},4000", Assert.Single(lines, l => !l.EndsWith(",0", StringComparison.Ordinal) && l != lines[0]));
    }

    [Theory]
    [InlineData("metric=followers", "metric")]
    [InlineData("metric=plays", "metric")]
    [InlineData("resolution=week", "resolution")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-22T10:00:00", "from")]
    [InlineData("from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "from")]
    [InlineData("format=xml", "format")]
    public async Task BadSeriesQueriesAreProblems(string query, string field)
    {
        var video = NewId("v");
        await _http.RegisterVideoAsync(video, NewId("c"));
        var response = await _http.GetAsync($"/v1/videos/{video}/timeseries?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task UnknownVideoHasNoSeriesButAnyCreatorHasZeros()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/videos/{NewId("v")}/timeseries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/videos/{NewId("v")}/analytics")).StatusCode);
        var points = await SeriesAsync($"/v1/creators/{NewId("c")}/timeseries?metric=tipsCents&resolution=day");
        Assert.Equal(31, points.Count);
        Assert.All(points, p => Assert.Equal(0, p.Value));
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/v1/creators/bad%20id/timeseries")).StatusCode);
    }

    internal static JsonObject Source(JsonObject analytics) => analytics["impressionsBySource"]!.AsObject();
}

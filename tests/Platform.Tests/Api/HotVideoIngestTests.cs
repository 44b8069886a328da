using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class HotVideoIngestTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ManyUsersOnOneVideoAreCountedExactlyThroughMergedCalls()
    {
        const int Requests = 24, UsersPerRequest = 50;
        var (creator, video) = (NewId("c"), NewId("v"));
        await _http.RegisterVideoAsync(video, creator, durationMs: 10_000);
        var (callsBefore, carriedBefore) = await ReadBatcherCountersAsync();

        var posts = Enumerable.Range(0, Requests).Select(_ => _http.PostEventsAsync(
            [.. Enumerable.Range(0, UsersPerRequest).SelectMany(_ =>
            {
                var user = NewId("u");
                return new[] { View(user, video, watchMs: 9_500), Engage("like", user, video) };
            })]));
        var results = await Task.WhenAll(posts);

        Assert.All(results, r => Assert.Equal(UsersPerRequest * 2, (int)r["accepted"]!));
        var stats = await _http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(Requests * UsersPerRequest, (long)stats["views"]!);
        Assert.Equal(Requests * UsersPerRequest, (long)stats["likes"]!);
        Assert.Equal(Requests * UsersPerRequest, (long)stats["completions"]!);
        var creatorStats = await _http.GetJsonAsync($"/v1/creators/{creator}/stats");
        Assert.Equal(Requests * UsersPerRequest, (long)creatorStats["views"]!);
        Assert.Equal(Requests * UsersPerRequest, (long)creatorStats["likes"]!);

        // 1,200 users' requests reached the video in far fewer calls (other tests only add calls
        // that carry at least one request each, so they cannot make this pass).
        var (callsAfter, carriedAfter) = await ReadBatcherCountersAsync();
        var (calls, carried) = (callsAfter - callsBefore, carriedAfter - carriedBefore);
        Assert.True(carried >= Requests * UsersPerRequest, $"{carried} requests carried");
        Assert.True(calls * 4 <= carried, $"{carried} user requests took {calls} calls to the video");
    }

    private async Task<(long Calls, long Requests)> ReadBatcherCountersAsync()
    {
        var text = await _http.GetStringAsync("/metrics");
        return (Read(text, "platform_video_engagement_calls_total"), Read(text, "platform_video_engagement_requests_total"));
    }

    private static long Read(string metrics, string name) =>
        Regex.Match(metrics, $@"^{name}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline) is { Success: true } m
            ? (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;
}

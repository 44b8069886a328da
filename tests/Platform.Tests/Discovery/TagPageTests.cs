using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Discovery;

/// <summary><c>GET /v1/tags/{tag}/videos</c> through real HTTP.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TagPageTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task TagPageListsTheTagsVideosTrendingFirstThenNewest()
    {
        var tag = DiscoveryClient.UniqueWord();
        var creator = NewId("c");
        var videos = Enumerable.Range(0, 4).Select(_ => NewId("v")).ToArray();
        foreach (var video in videos)
        {
            await _http.RegisterAsync(video, creator, $"Video {video}", tag, "other");
        }

        await _http.RegisterAsync(NewId("v"), creator, "not on the page", DiscoveryClient.UniqueWord());
        // videos[2] gets the most engagement, videos[0] some, the other two none (so newest first among them).
        await EngageAsync(videos[2], users: 6);
        await EngageAsync(videos[0], users: 2);

        string[] expected = [videos[2], videos[0], videos[3], videos[1]];
        await DiscoveryClient.EventuallyAsync(
            async () => (await _http.TagVideosAsync(tag)).Select(i => (string)i["videoId"]!).SequenceEqual(expected),
            "the tag page is ordered by engagement velocity, then newest");

        var page = await _http.TagVideosAsync(tag);
        var scores = page.Select(i => (double)i["score"]!).ToArray();
        Assert.True(scores[0] > scores[1] && scores[1] > 0 && scores[2] == 0 && scores[3] == 0, string.Join(", ", scores));
        Assert.Equal([tag, "other"], page[0]["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal($"Video {videos[2]}", (string)page[0]["title"]!);
        Assert.Equal(creator, (string)page[0]["creatorId"]!);

        // Any case finds the same page; count cuts it.
        Assert.Equal(expected, (await _http.TagVideosAsync(tag.ToUpperInvariant())).Select(i => (string)i["videoId"]!));
        Assert.Equal(expected[..2], (await _http.TagVideosAsync(tag, count: 2)).Select(i => (string)i["videoId"]!));
        var body = await _http.GetJsonAsync($"/v1/tags/{tag.ToUpperInvariant()}/videos");
        Assert.Equal(tag.ToUpperInvariant(), (string)body["tag"]!);
    }

    [Fact]
    public async Task UnknownTagHasAnEmptyPage()
    {
        Assert.Empty(await _http.TagVideosAsync(DiscoveryClient.UniqueWord()));
    }

    [Theory]
    [InlineData("%20")]
    [InlineData("a%01b")]
    [InlineData("a%E2%80%8Bb")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ok?count=0")]
    [InlineData("ok?count=101")]
    [InlineData("ok?count=1&count=2")]
    public async Task BadTagOrCountGetsAProblem(string tagAndQuery)
    {
        var parts = tagAndQuery.Split('?');
        var path = $"/v1/tags/{parts[0]}/videos" + (parts.Length > 1 ? "?" + parts[1] : "");

        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parts.Length > 1 ? "count" : "tag", out _));
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=101")]
    [InlineData("count=%2B5")]
    [InlineData("count=5&count=6")]
    public async Task BadTrendingTagsCountGetsAProblem(string query)
    {
        var response = await _http.GetAsync($"/v1/trending/tags?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("count", out _));
    }

    private async Task EngageAsync(string videoId, int users)
    {
        var events = Enumerable.Range(0, users).Select(_ => NewId("u"))
            .SelectMany(u => new[] { View(u, videoId, 29_000), Engage("like", u, videoId), Engage("share", u, videoId) }).ToArray();
        await _http.PostEventsAsync(events);
    }
}

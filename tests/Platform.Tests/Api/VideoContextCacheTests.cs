using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

/// <summary>The silo keeps the contexts of videos it saw events on; a takedown must still stop events at once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VideoContextCacheTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task AVideoWithRecentEventsRejectsEventsAtOnceWhenTakenDown()
    {
        var videoId = NewId("v");
        Assert.Equal(HttpStatusCode.Created, (await _http.RegisterVideoAsync(videoId, NewId("c"))).StatusCode);
        var first = await _http.PostEventsAsync(View(NewId("u"), videoId));
        Assert.Equal(1, (int)first["accepted"]!);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{videoId}/takedown");
        request.Headers.Add("X-Api-Key", PlatformServerFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(request)).StatusCode);

        var after = await _http.PostEventsAsync(View(NewId("u"), videoId), View(NewId("u"), videoId));
        Assert.Equal(0, (int)after["accepted"]!);
        Assert.Equal("video taken down", (string)after["rejected"]![0]!["reason"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{videoId}/stats"))["views"]!);
    }

    [Fact]
    public async Task EventsOnAVideoSeenBeforeKeepCountingExactly()
    {
        var videoId = NewId("v");
        Assert.Equal(HttpStatusCode.Created, (await _http.RegisterVideoAsync(videoId, NewId("c"))).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await _http.PostEventsAsync(View(NewId("u"), videoId, 20_000), Engage("like", NewId("u"), videoId));
        }

        var stats = await _http.GetJsonAsync($"/v1/videos/{videoId}/stats");
        Assert.Equal(5, (long)stats["views"]!);
        Assert.Equal(5, (long)stats["likes"]!);
    }
}

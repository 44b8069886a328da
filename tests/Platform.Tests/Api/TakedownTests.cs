using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class TakedownTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task TakenDownVideoLeavesFeedAtOnceAndRejectsEvents()
    {
        var creator = NewId("c");
        var videos = Enumerable.Range(0, 3).Select(_ => NewId("v")).ToArray();
        foreach (var v in videos)
        {
            await _http.RegisterVideoAsync(v, creator);
        }

        var response = await TakeDownAsync(videos[0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("takenDown", (string)(await _http.GetJsonAsync($"/v1/videos/{videos[0]}"))["state"]!);
        for (var i = 0; i < 5; i++)
        {
            var feed = await _http.GetFeedAsync(NewId("u"), 100);
            Assert.DoesNotContain(feed, item => (string)item["videoId"]! == videos[0]);
        }

        var user = NewId("u");
        var result = await _http.PostEventsAsync(View(user, videos[0]));
        Assert.Equal("video taken down", (string)result["rejected"]![0]!["reason"]!);
        Assert.Equal(0, (long)(await _http.GetJsonAsync($"/v1/videos/{videos[0]}/stats"))["views"]!);
    }

    [Fact]
    public async Task TakedownOfUnknownVideoIs404()
    {
        var response = await TakeDownAsync(NewId("v"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ReadProblemAsync();
    }

    private Task<HttpResponseMessage> TakeDownAsync(string videoId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{videoId}/takedown");
        request.Headers.Add("X-Api-Key", PlatformServerFixture.AdminKey);
        return _http.SendAsync(request);
    }
}

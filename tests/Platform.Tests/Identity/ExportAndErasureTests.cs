using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>Export shows what is held about a user; erasure removes it, keeps anonymous totals, and the id starts again empty.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExportAndErasureTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ExportHoldsCountersFollowsLikesHistoryAndEmbedding()
    {
        var (video, creator) = (NewId("v"), NewId("c"));
        await _http.RegisterVideoAsync(video, creator);
        var user = NewId("u");
        await _http.PostEventsAsync(View(user, video, 20_000), Engage("like", user, video), Follow(user, creator));
        await _http.GetFeedAsync(user, 5);
        var credit = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/users/{user}/credits")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { creditId = NewId("cr"), amountCents = 300 }),
        };
        credit.Headers.Add("X-Api-Key", PlatformServerFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(credit)).StatusCode);

        var export = await _http.GetJsonAsync($"/v1/users/{user}/export");

        Assert.Equal(user, (string)export["userId"]!);
        Assert.Equal(1, (long)export["counters"]!["views"]!);
        Assert.Equal(1, (long)export["counters"]!["likes"]!);
        Assert.Equal(20_000, (long)export["counters"]!["watchMs"]!);
        Assert.Equal(new[] { creator }, Strings(export["following"]));
        Assert.Equal(new[] { video }, Strings(export["liked"]));
        Assert.Equal(new[] { video }, Strings(export["viewed"]));
        Assert.NotEmpty(export["embedding"]!.AsArray());
        Assert.True((bool)export["settings"]!["personalization"]!);
        Assert.Equal(300, (long)export["wallet"]!["balanceCents"]!);
        Assert.Single(export["payments"]!.AsArray());
    }

    [Fact]
    public async Task ErasedUserStartsEmptyWhileCountersKeepTheirTotals()
    {
        var (video, creator) = (NewId("v"), NewId("c"));
        await _http.RegisterVideoAsync(video, creator);
        var user = NewId("u");
        var other = NewId("u");
        await _http.PostEventsAsync(View(user, video, 20_000), Engage("like", user, video), Follow(user, creator));
        await _http.PostEventsAsync(View(other, video, 20_000), Engage("like", other, video), Follow(other, creator));
        await _http.PutAsync($"/v1/users/{user}/settings", new StringContent("{\"personalization\":false}", System.Text.Encoding.UTF8, "application/json"));
        var otherBefore = (await _http.GetJsonAsync($"/v1/users/{other}/export")).ToJsonString();

        var response = await _http.DeleteAsync($"/v1/users/{user}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("erased", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
        var export = await _http.GetJsonAsync($"/v1/users/{user}/export");
        Assert.Equal(0, (long)export["counters"]!["views"]! + (long)export["counters"]!["likes"]! + (long)export["counters"]!["watchMs"]!);
        foreach (var list in new[] { "following", "liked", "viewed", "recentlyEngaged", "recentCreators", "recentlyServed", "embedding", "interest" })
        {
            Assert.Empty(export[list]!.AsArray());
        }

        Assert.True((bool)export["settings"]!["personalization"]!);
        Assert.Equal(0, (int)(await _http.GetJsonAsync($"/v1/users/{user}"))["following"]!);
        var stats = await _http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(2, (long)stats["views"]!);
        Assert.Equal(2, (long)stats["likes"]!);
        Assert.Equal(2, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["followers"]!);
        Assert.Equal(otherBefore, (await _http.GetJsonAsync($"/v1/users/{other}/export")).ToJsonString());

        // The same id is a new user: its events count (the video's delivery ledger does not mistake them for repeats).
        var again = await _http.PostEventsAsync(View(user, video, 5_000), Engage("like", user, video));
        Assert.Equal(2, (int)again["accepted"]!);
        stats = await _http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(3, (long)stats["views"]!);
        Assert.Equal(3, (long)stats["likes"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/users/{user}"))["views"]!);
    }

    [Fact]
    public async Task ErasingAnUnknownUserTwiceIsHarmless()
    {
        var user = NewId("u");
        for (var i = 0; i < 2; i++)
        {
            var response = await _http.DeleteAsync($"/v1/users/{user}");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.DeleteAsync("/v1/users/bad%20id")).StatusCode);
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];
}

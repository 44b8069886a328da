using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Feed;

/// <summary>The following feed, <c>GET /v1/users/{id}/following</c>, through the HTTP API.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FollowingFeedApiTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ListsTheNewestUnviewedVideosOfFollowedCreatorsNewestFirst()
    {
        var (a, b, stranger, user) = (NewId("c"), NewId("c"), NewId("c"), NewId("u"));
        var registered = new List<(string Id, string Creator)>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var creator in new[] { a, b, stranger })
            {
                var id = NewId("v");
                await RegisterAsync(id, creator, $"Clip {i} of {creator}");
                registered.Add((id, creator));
                await Task.Delay(2); // distinct registration times
            }
        }

        await _http.PostEventsAsync(Follow(user, a), Follow(user, b));
        var viewed = registered.Where(v => v.Creator == a).Select(v => v.Id).Last();
        await _http.PostEventsAsync(View(user, viewed));

        var items = await FollowingAsync(user, 5);

        var expected = registered.Where(v => v.Creator != stranger && v.Id != viewed).Reverse().Take(5).Select(v => v.Id);
        Assert.Equal(expected, items.Select(i => (string)i["videoId"]!));
        var first = items[0];
        Assert.Equal($"Clip 5 of {b}", (string)first["title"]!);
        Assert.Equal(b, (string)first["creatorId"]!);
        var times = items.Select(i => DateTimeOffset.Parse((string)i["registeredAt"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task UnfollowedAndTakenDownVideosLeaveIt()
    {
        var (a, b, user) = (NewId("c"), NewId("c"), NewId("u"));
        var (va, vb, gone) = (NewId("v"), NewId("v"), NewId("v"));
        await _http.RegisterVideoAsync(va, a);
        await _http.RegisterVideoAsync(vb, b);
        await _http.RegisterVideoAsync(gone, b);
        await _http.PostEventsAsync(Follow(user, a), Follow(user, b));
        Assert.Equal(3, (await FollowingAsync(user, 20)).Count);

        await _http.PostEventsAsync(Follow(user, a, "unfollow"));
        using var takedown = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{gone}/takedown");
        takedown.Headers.Add("X-Api-Key", PlatformServerFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(takedown)).StatusCode);

        Assert.Equal([vb], (await FollowingAsync(user, 20)).Select(i => (string)i["videoId"]!));
    }

    [Fact]
    public async Task AUserWhoFollowsNobodyGetsAnEmptyList()
    {
        var body = await _http.GetJsonAsync($"/v1/users/{NewId("u")}/following");

        Assert.Empty(body["items"]!.AsArray());
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=101")]
    [InlineData("count=x")]
    [InlineData("count=1&count=2")]
    public async Task ABadCountIsA400Problem(string query)
    {
        var response = await _http.GetAsync($"/v1/users/{NewId("u")}/following?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task ABadUserIdIsA400Problem()
    {
        var response = await _http.GetAsync("/v1/users/bad%20id/following");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ReadProblemAsync();
    }

    private async Task<List<JsonObject>> FollowingAsync(string user, int count)
    {
        var body = await _http.GetJsonAsync($"/v1/users/{user}/following?count={count}");
        Assert.Equal(user, (string)body["userId"]!);
        return body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    private async Task RegisterAsync(string videoId, string creatorId, string title)
    {
        using var response = await _http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title, tags = Array.Empty<string>(), durationMs = 30_000 });
        response.EnsureSuccessStatusCode();
    }
}

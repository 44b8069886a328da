using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class EventIngestTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task CountersAreExactAfterIngest()
    {
        var (creator, video, user) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterVideoAsync(video, creator, durationMs: 20_000);

        var result = await _http.PostEventsAsync(
            View(user, video, watchMs: 19_000),
            View(user, video, watchMs: 5_000),
            Engage("like", user, video),
            Engage("share", user, video),
            Engage("comment", user, video),
            Engage("skip", user, video),
            Follow(user, creator));

        Assert.Equal(7, (int)result["accepted"]!);
        Assert.Equal(0, (int)result["duplicates"]!);
        Assert.Empty(result["rejected"]!.AsArray());

        var stats = await _http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(2, (long)stats["views"]!);
        Assert.Equal(1, (long)stats["likes"]!);
        Assert.Equal(1, (long)stats["shares"]!);
        Assert.Equal(1, (long)stats["comments"]!);
        Assert.Equal(1, (long)stats["skips"]!);
        Assert.Equal(1, (long)stats["completions"]!);
        Assert.Equal(24_000, (long)stats["watchMsTotal"]!);
        Assert.Equal(0.5, (double)stats["completionRate"]!);

        var creatorStats = await _http.GetJsonAsync($"/v1/creators/{creator}/stats");
        Assert.Equal(1, (long)creatorStats["followers"]!);
        Assert.Equal(1, (int)creatorStats["videos"]!);
        Assert.Equal(2, (long)creatorStats["views"]!);
        Assert.Equal(1, (long)creatorStats["likes"]!);
        Assert.Equal(1, (long)creatorStats["shares"]!);
        Assert.Equal(1, (long)creatorStats["comments"]!);
        Assert.Equal(24_000, (long)creatorStats["watchMsTotal"]!);
        Assert.Equal(video, (string)creatorStats["topVideos"]![0]!["videoId"]!);

        var userStats = await _http.GetJsonAsync($"/v1/users/{user}");
        Assert.Equal(2, (long)userStats["views"]!);
        Assert.Equal(1, (long)userStats["likes"]!);
        Assert.Equal(1, (long)userStats["shares"]!);
        Assert.Equal(1, (int)userStats["following"]!);
    }

    [Fact]
    public async Task DuplicateEventIsNotCountedTwice()
    {
        var (creator, video, user) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterVideoAsync(video, creator);
        var view = View(user, video, eventId: NewId("e"));

        var first = await _http.PostEventsAsync(view);
        var retry = await _http.PostEventsAsync(view, view);

        Assert.Equal(1, (int)first["accepted"]!);
        Assert.Equal(0, (int)retry["accepted"]!);
        Assert.Equal(2, (int)retry["duplicates"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["views"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["views"]!);
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneBatchCountOnce()
    {
        var creator = NewId("c");
        var videos = Enumerable.Range(0, 5).Select(_ => NewId("v")).ToArray();
        foreach (var v in videos)
        {
            await _http.RegisterVideoAsync(v, creator);
        }

        var users = Enumerable.Range(0, 10).Select(_ => NewId("u")).ToArray();
        var batch = users.SelectMany(u => videos.Select(v => View(u, v))).ToArray();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _http.PostEventsAsync(batch)));

        Assert.Equal(batch.Length, attempts.Sum(a => (int)a["accepted"]!));
        Assert.Equal(batch.Length * 7, attempts.Sum(a => (int)a["duplicates"]!));
        foreach (var v in videos)
        {
            Assert.Equal(users.Length, (long)(await _http.GetJsonAsync($"/v1/videos/{v}/stats"))["views"]!);
        }

        Assert.Equal(batch.Length, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["views"]!);
    }

    [Fact]
    public async Task InvalidEventRejectsWholeBatchAndChangesNothing()
    {
        var (creator, video, user) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterVideoAsync(video, creator);

        var response = await _http.PostAsJsonAsync("/v1/events", new
        {
            events = new object[]
            {
                View(user, video),
                new { eventId = NewId("e"), userId = user, videoId = video, type = "view" },
                new { eventId = NewId("e"), userId = user, videoId = video, type = "teleport" },
                new { eventId = NewId("e"), userId = "bad id!", videoId = video, type = "like" },
                new { eventId = NewId("e"), userId = user, type = "follow" },
                new { eventId = NewId("e"), userId = user, videoId = video, type = "view", watchMs = -5 },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("events[1].watchMs", out _));
        Assert.True(errors.TryGetProperty("events[2].type", out _));
        Assert.True(errors.TryGetProperty("events[3].userId", out _));
        Assert.True(errors.TryGetProperty("events[4].creatorId", out _));
        Assert.True(errors.TryGetProperty("events[5].watchMs", out _));
        Assert.False(errors.TryGetProperty("events[0].eventId", out _));

        Assert.Equal(0, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["views"]!);
        Assert.Equal(0, (long)(await _http.GetJsonAsync($"/v1/users/{user}"))["views"]!);
    }

    [Theory]
    [InlineData("{\"events\": [")]
    [InlineData("[]")]
    [InlineData("{\"events\": []}")]
    [InlineData("{\"events\": {}}")]
    [InlineData("{\"events\": [42]}")]
    public async Task MalformedBodyIsAProblemResponse(string body)
    {
        var response = await _http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task TooManyEventsIsRejected()
    {
        var events = Enumerable.Range(0, 1001).Select(_ => View("u-1", "v-1")).ToArray();

        var response = await _http.PostAsJsonAsync("/v1/events", new { events });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("events", out _));
    }

    [Fact]
    public async Task WrongContentTypeIs415()
    {
        var response = await _http.PostAsync("/v1/events", new StringContent("{\"events\":[]}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task BodyOverOneMebibyteIs413()
    {
        var padding = new string('x', 1024 * 1024 + 10);
        var response = await _http.PostAsync("/v1/events", new StringContent($"{{\"pad\":\"{padding}\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task UnknownVideoIsRejectedByIndexWhileOthersApply()
    {
        var (creator, video, user) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterVideoAsync(video, creator);

        var result = await _http.PostEventsAsync(View(user, video), Engage("like", user, NewId("nope")), Engage("like", user, video));

        Assert.Equal(2, (int)result["accepted"]!);
        var rejected = Assert.Single(result["rejected"]!.AsArray());
        Assert.Equal(1, (int)rejected!["index"]!);
        Assert.Equal("unknown video", (string)rejected["reason"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["likes"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/users/{user}"))["likes"]!);
    }

    [Fact]
    public async Task UserLikesAVideoAtMostOnce()
    {
        var (creator, video, user) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterVideoAsync(video, creator);

        await _http.PostEventsAsync(Engage("like", user, video), Engage("like", user, video));
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["likes"]!);

        await _http.PostEventsAsync(Engage("unlike", user, video), Engage("unlike", user, video));
        Assert.Equal(0, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["likes"]!);

        await _http.PostEventsAsync(Engage("like", user, video));
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["likes"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["likes"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/users/{user}"))["likes"]!);
    }

    [Fact]
    public async Task FollowAndUnfollowAreIdempotent()
    {
        var (creator, user) = (NewId("c"), NewId("u"));

        await _http.PostEventsAsync(Follow(user, creator), Follow(user, creator));
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["followers"]!);

        await _http.PostEventsAsync(Follow(user, creator, "unfollow"), Follow(user, creator, "unfollow"));
        Assert.Equal(0, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["followers"]!);
        Assert.Equal(0, (int)(await _http.GetJsonAsync($"/v1/users/{user}"))["following"]!);
    }
}

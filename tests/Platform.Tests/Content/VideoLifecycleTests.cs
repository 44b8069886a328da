using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>Video states through HTTP: every transition of the contract, every refused one, the audit log and feeds.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VideoLifecycleTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task PublishedVideoRefusesApproveRejectAndRestoreWith409()
    {
        var video = NewId("v");
        Assert.Equal("published", (string)(await _http.RegisterJsonAsync(video, NewId("c")))["state"]!);

        foreach (var action in new[] { "approve", "reject", "restore" })
        {
            var response = await _http.DecideAsync(video, action);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            await response.ReadProblemAsync();
        }

        Assert.Equal("published", await _http.StateAsync(video));
        var audit = await _http.AdminJsonAsync($"/v1/admin/videos/{video}/audit");
        Assert.Single(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task TakedownThenRestoreLeavesAndReentersTheFeedWithAuditOfBoth()
    {
        var (creator, video, follower) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterJsonAsync(video, creator);
        await _http.PostEventsAsync(Follow(follower, creator));
        Assert.Contains(await _http.GetFeedAsync(follower, 100), i => (string)i["videoId"]! == video);

        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(video, "takedown", "copyright claim")).StatusCode);
        Assert.DoesNotContain(await _http.GetFeedAsync(NewId("u"), 100), i => (string)i["videoId"]! == video);
        Assert.Equal("video taken down", (string)(await _http.PostEventsAsync(View(NewId("u"), video)))["rejected"]![0]!["reason"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.DecideAsync(video, "approve")).StatusCode);

        var restored = await _http.DecideAsync(video, "restore", "claim withdrawn");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("published", (string)JsonNode.Parse(await restored.Content.ReadAsStringAsync())!["state"]!);
        var newFollower = NewId("u");
        await _http.PostEventsAsync(Follow(newFollower, creator));
        Assert.Contains(await _http.GetFeedAsync(newFollower, 100), i => (string)i["videoId"]! == video);
        Assert.Equal(1, (int)(await _http.PostEventsAsync(View(NewId("u"), video)))["accepted"]!);

        var items = (await _http.AdminJsonAsync($"/v1/admin/videos/{video}/audit"))["items"]!.AsArray();
        Assert.Equal(["register", "takeDown", "restore"], items.Select(i => (string)i!["action"]!));
        Assert.Equal("admin", (string)items[1]!["actor"]!);
        Assert.Equal("copyright claim", (string)items[1]!["note"]!);
        Assert.Equal(["published", "takenDown"], new[] { (string)items[1]!["from"]!, (string)items[1]!["to"]! });
        Assert.Equal("system", (string)items[0]!["actor"]!);
    }

    [Fact]
    public async Task ReviewedVideoIsApprovedOrRejectedAndRejectedCanBeRestored()
    {
        var random = new Random(16_01);
        var original = ContentClient.RandomFingerprint(random);
        var (first, second, source) = (NewId("v"), NewId("v"), NewId("v"));
        await _http.RegisterJsonAsync(source, NewId("c"), original);
        await _http.RegisterJsonAsync(first, NewId("c"), ContentClient.Flip(original, 2, 1));
        await _http.RegisterJsonAsync(second, NewId("c"), ContentClient.Flip(original, 3, 2));
        Assert.Equal("inReview", await _http.StateAsync(first));
        Assert.Equal("video in review", (string)(await _http.PostEventsAsync(View(NewId("u"), first)))["rejected"]![0]!["reason"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.DecideAsync(first, "restore")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(first, "approve", "licensed re-upload")).StatusCode);
        Assert.Equal("published", await _http.StateAsync(first));
        Assert.Equal(HttpStatusCode.Conflict, (await _http.DecideAsync(first, "approve")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(second, "reject")).StatusCode);
        Assert.Equal("rejected", await _http.StateAsync(second));
        Assert.Equal("video rejected", (string)(await _http.PostEventsAsync(View(NewId("u"), second)))["rejected"]![0]!["reason"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.DecideAsync(second, "reject")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.DecideAsync(second, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(second, "restore")).StatusCode);
        Assert.Equal("published", await _http.StateAsync(second));
        Assert.Empty(await _http.QueueOfAsync(first, second));

        var audit = (await _http.AdminJsonAsync($"/v1/admin/videos/{second}/audit"))["items"]!.AsArray();
        Assert.Equal(["register", "reject", "restore"], audit.Select(i => (string)i!["action"]!));
        Assert.Equal("inReview", (string)audit[0]!["to"]!);
    }

    [Fact]
    public async Task DecisionsOnUnknownVideoAre404AndWithoutKey401()
    {
        var unknown = NewId("v");
        foreach (var action in new[] { "approve", "reject", "restore" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _http.DecideAsync(unknown, action)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _http.PostAsync($"/v1/admin/videos/{unknown}/{action}", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _http.AdminAsync(HttpMethod.Get, $"/v1/admin/videos/{unknown}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/v1/admin/moderation/queue")).StatusCode);
    }
}

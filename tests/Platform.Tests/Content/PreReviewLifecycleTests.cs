using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Discovery;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>
/// On a platform of its own with <c>Platform:Moderation:PreReview=true</c> (every upload starts in review): one video
/// walked through every move of the contract, each refused move answered 409 and changing nothing, and after each move
/// the video on every surface (feed, following feed, search, tag page, events) or on none; and the queue's order.
/// </summary>
public sealed class PreReviewLifecycleTests : IAsyncLifetime
{
    private PlatformServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
    {
        ["Platform:AdminApiKey"] = PlatformServerFixture.AdminKey,
        ["Platform:Moderation:PreReview"] = "true",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EveryMoveLeavesOrEntersEverySurfaceAtOnceAndEveryRefusedMoveIs409()
    {
        var (word, creator, video) = (DiscoveryClient.UniqueWord(), NewId("c"), NewId("v"));
        Assert.Equal("inReview", await ContentSurfaces.RegisterAsync(Http, video, creator, word));
        var review = (await Http.GetJsonAsync($"/v1/videos/{video}"))["review"]!;
        Assert.Equal("preReview", (string)review["reason"]!);
        Assert.Null(review["duplicateOf"]);
        Assert.Equal("preReview", (string)Assert.Single(await Http.QueueOfAsync(video))["reason"]!);
        await ContentSurfaces.AssertNowhereAsync(Http, video, creator, word, "held for pre-review");
        Assert.Equal("video in review", (string)(await Http.PostEventsAsync(View(NewId("u"), video)))["rejected"]![0]!["reason"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await Http.CommentAsync(video, NewId("cm"), NewId("u"), "too early")).StatusCode);
        await RefusedAsync(video, "inReview", "restore");

        await MoveAsync(video, "approve", "published", creator, word);
        Assert.Empty(await Http.QueueOfAsync(video));
        await RefusedAsync(video, "published", "approve", "reject", "restore");

        await MoveAsync(video, "takedown", "takenDown", creator, word);
        await RefusedAsync(video, "takenDown", "approve", "reject");
        var entries = (await AuditAsync(video)).Count;
        Assert.Equal(HttpStatusCode.OK, (await Http.DecideAsync(video, "takedown")).StatusCode);
        Assert.Equal(entries, (await AuditAsync(video)).Count);

        await MoveAsync(video, "restore", "published", creator, word);

        // Published to review (system, on reports), then rejected; taken down from rejected; restored.
        await ReportUntilReviewAsync(video, creator, word);
        await MoveAsync(video, "reject", "rejected", creator, word);
        Assert.Empty(await Http.QueueOfAsync(video));
        await RefusedAsync(video, "rejected", "approve", "reject");
        await MoveAsync(video, "takedown", "takenDown", creator, word);
        await MoveAsync(video, "restore", "published", creator, word);

        // Taken down straight from review: it leaves the queue too.
        await ReportUntilReviewAsync(video, creator, word);
        await MoveAsync(video, "takedown", "takenDown", creator, word);
        Assert.Empty(await Http.QueueOfAsync(video));
        await MoveAsync(video, "restore", "published", creator, word);

        var audit = await AuditAsync(video);
        Assert.Equal(
            ["register", "approve", "takeDown", "restore", "review", "reject", "takeDown", "restore", "review", "takeDown", "restore"],
            audit.Select(e => (string)e["action"]!));
        Assert.Equal(
            ["system", "admin", "admin", "admin", "system", "admin", "admin", "admin", "system", "admin", "admin"],
            audit.Select(e => (string)e["actor"]!));
        for (var i = 1; i < audit.Count; i++)
        {
            Assert.Equal((string)audit[i - 1]["to"]!, (string)audit[i]["from"]!);
        }

        Assert.Equal("inReview", (string)audit[0]["to"]!);
        Assert.Equal("note for restore", (string)audit[^1]["note"]!);
    }

    [Fact]
    public async Task HeldUploadIsRejectedThenRestoredFromRejected()
    {
        var (word, creator, video) = (DiscoveryClient.UniqueWord(), NewId("c"), NewId("v"));
        Assert.Equal("inReview", await ContentSurfaces.RegisterAsync(Http, video, creator, word));
        await MoveAsync(video, "reject", "rejected", creator, word);
        Assert.Equal("video rejected", (string)(await Http.PostEventsAsync(View(NewId("u"), video)))["rejected"]![0]!["reason"]!);
        await MoveAsync(video, "restore", "published", creator, word);
        Assert.Equal(["register", "reject", "restore"], (await AuditAsync(video)).Select(e => (string)e["action"]!));
    }

    [Fact]
    public async Task QueueListsHeldUploadsOldestFirstWithReasonAndLiveReportCount()
    {
        var creator = NewId("c");
        var videos = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var video = NewId("v");
            videos.Add(video);
            Assert.Equal("inReview", await ContentSurfaces.RegisterAsync(Http, video, creator, DiscoveryClient.UniqueWord()));
            await Task.Delay(5); // distinct registration times
        }

        // Reports on a held video count (the queue shows them); they do not publish or hide anything.
        foreach (var reporter in new[] { NewId("u"), NewId("u") })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.ReportAsync(videos[2], reporter, "copyright")).StatusCode);
        }

        var queue = await Http.QueueOfAsync([.. videos]);
        Assert.Equal(videos, queue.Select(i => (string)i["videoId"]!));
        Assert.All(queue, i => Assert.Equal("preReview", (string)i["reason"]!));
        Assert.All(queue, i => Assert.Equal(creator, (string)i["creatorId"]!));
        Assert.Equal([0, 0, 2, 0], queue.Select(i => (int)i["reports"]!));
        var since = queue.Select(i => DateTimeOffset.Parse((string)i["since"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(since.Order(), since);

        Assert.Equal(HttpStatusCode.OK, (await Http.DecideAsync(videos[1], "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.DecideAsync(videos[3], "reject")).StatusCode);
        Assert.Equal([videos[0], videos[2]], (await Http.QueueOfAsync([.. videos])).Select(i => (string)i["videoId"]!));
    }

    [Fact]
    public async Task ReportsMadeDuringReviewDoNotCountTowardTheNextReview()
    {
        var (word, creator, video) = (DiscoveryClient.UniqueWord(), NewId("c"), NewId("v"));
        Assert.Equal("inReview", await ContentSurfaces.RegisterAsync(Http, video, creator, word));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.ReportAsync(video, NewId("u"))).StatusCode);
        }

        // The operator approves with the three reports in view; they are not held against the video afterwards.
        Assert.Equal(3, (int)Assert.Single(await Http.QueueOfAsync(video))["reports"]!);
        Assert.Equal(HttpStatusCode.OK, (await Http.DecideAsync(video, "approve")).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.ReportAsync(video, NewId("u"))).StatusCode);
            Assert.Equal("published", await Http.StateAsync(video));
        }

        Assert.Equal(HttpStatusCode.Accepted, (await Http.ReportAsync(video, NewId("u"))).StatusCode);
        Assert.Equal("inReview", await Http.StateAsync(video));
        Assert.Equal(8, (int)Assert.Single(await Http.QueueOfAsync(video))["reports"]!);
    }

    /// <summary>An operator's move: 200 with the video in its new state, then on every surface or on none.</summary>
    private async Task MoveAsync(string video, string action, string state, string creator, string word)
    {
        var response = await Http.DecideAsync(video, action, $"note for {action}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} answered {(int)response.StatusCode}: {body}");
        Assert.Equal(state, (string)JsonNode.Parse(body)!["state"]!);
        Assert.Equal(state, await Http.StateAsync(video));
        if (state == "published")
        {
            await ContentSurfaces.AssertEverywhereAsync(Http, video, creator, word, $"after {action}");
        }
        else
        {
            await ContentSurfaces.AssertNowhereAsync(Http, video, creator, word, $"after {action}");
        }
    }

    /// <summary>Moves that do not apply in <paramref name="state"/>: each a 409 problem, changing neither the state nor the audit log.</summary>
    private async Task RefusedAsync(string video, string state, params string[] actions)
    {
        var entries = (await AuditAsync(video)).Count;
        foreach (var action in actions)
        {
            var response = await Http.DecideAsync(video, action, "refused");
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{action} from {state} answered {(int)response.StatusCode}");
            await response.ReadProblemAsync();
            Assert.Equal(state, await Http.StateAsync(video));
        }

        Assert.Equal(entries, (await AuditAsync(video)).Count);
    }

    /// <summary>Five distinct users report the published video: it goes to review (reason reports) and leaves every surface.</summary>
    private async Task ReportUntilReviewAsync(string video, string creator, string word)
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.ReportAsync(video, NewId("u"))).StatusCode);
        }

        Assert.Equal("inReview", await Http.StateAsync(video));
        var queued = Assert.Single(await Http.QueueOfAsync(video));
        Assert.Equal("reports", (string)queued["reason"]!);
        await ContentSurfaces.AssertNowhereAsync(Http, video, creator, word, "after five reports");
    }

    private async Task<List<JsonObject>> AuditAsync(string video) =>
        [.. (await Http.AdminJsonAsync($"/v1/admin/videos/{video}/audit"))["items"]!.AsArray().Select(i => i!.AsObject())];
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>User reports (one per user, threshold 5) and near-duplicate fingerprints, through HTTP.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportAndDuplicateTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task FiveDistinctReportersSendVideoToReviewAndRepeatsDoNotCount()
    {
        var (creator, video, follower) = (NewId("c"), NewId("v"), NewId("u"));
        await _http.RegisterJsonAsync(video, creator);
        await _http.PostEventsAsync(Follow(follower, creator));
        var reporters = Enumerable.Range(0, 5).Select(_ => NewId("u")).ToArray();
        for (var i = 0; i < 4; i++)
        {
            var response = await _http.ReportAsync(video, reporters[i], i % 2 == 0 ? "spam" : "copyright");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            // The same user again, any number of times, is one report.
            var again = JsonNode.Parse(await (await _http.ReportAsync(video, reporters[i])).Content.ReadAsStringAsync())!;
            Assert.False((bool)again["counted"]!);
            Assert.Equal(i + 1, (int)again["reports"]!);
        }

        Assert.Equal("published", await _http.StateAsync(video));
        Assert.Contains(await _http.GetFeedAsync(follower, 100), i => (string)i["videoId"]! == video);

        var fifth = JsonNode.Parse(await (await _http.ReportAsync(video, reporters[4], "other")).Content.ReadAsStringAsync())!;
        Assert.True((bool)fifth["counted"]!);
        var info = await _http.GetJsonAsync($"/v1/videos/{video}");
        Assert.Equal("inReview", (string)info["state"]!);
        Assert.Equal("reports", (string)info["review"]!["reason"]!);
        Assert.DoesNotContain(await _http.GetFeedAsync(follower, 100), i => (string)i["videoId"]! == video);
        var queued = Assert.Single(await _http.QueueOfAsync(video));
        Assert.Equal("reports", (string)queued["reason"]!);
        Assert.Equal(5, (int)queued["reports"]!);
        Assert.Equal(creator, (string)queued["creatorId"]!);
        var audit = (await _http.AdminJsonAsync($"/v1/admin/videos/{video}/audit"))["items"]!.AsArray();
        Assert.Equal("review", (string)audit[^1]!["action"]!);
        Assert.Equal("system", (string)audit[^1]!["actor"]!);

        // Approved, it is back in feeds; the same five reporters cannot send it back.
        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(video, "approve")).StatusCode);
        await _http.ReportAsync(video, reporters[0]);
        Assert.Equal("published", await _http.StateAsync(video));
        Assert.Empty(await _http.QueueOfAsync(video));
    }

    [Fact]
    public async Task ReportsAreRateLimitedPerUserAndValidated()
    {
        var reporter = NewId("u");
        var videos = Enumerable.Range(0, 11).Select(_ => NewId("v")).ToArray();
        foreach (var v in videos)
        {
            await _http.RegisterJsonAsync(v, NewId("c"));
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _http.ReportAsync(videos[i], reporter)).StatusCode);
        }

        var limited = await _http.ReportAsync(videos[10], reporter);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        await limited.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.ReportAsync(videos[10], NewId("u"))).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.ReportAsync(videos[0], NewId("u"), "boring")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.ReportAsync(NewId("v"), NewId("u"))).StatusCode);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public async Task FingerprintWithinDistanceSixOfAnotherCreatorsVideoGoesToReview(int distance, bool duplicate)
    {
        var random = new Random(1600 + distance);
        var fingerprint = ContentClient.RandomFingerprint(random);
        var (original, copy) = (NewId("v-orig"), NewId("v-copy"));
        await _http.RegisterJsonAsync(original, NewId("c"), fingerprint);

        var registered = await _http.RegisterJsonAsync(copy, NewId("c"), ContentClient.Flip(fingerprint, distance, distance));

        if (duplicate)
        {
            Assert.Equal("inReview", (string)registered["state"]!);
            Assert.Equal("possibleDuplicate", (string)registered["review"]!["reason"]!);
            Assert.Equal(original, (string)registered["review"]!["duplicateOf"]!);
            var queued = Assert.Single(await _http.QueueOfAsync(copy));
            Assert.Equal(original, (string)queued["duplicateOf"]!);
            Assert.Equal("possibleDuplicate", (string)queued["reason"]!);
            Assert.Equal(0, (int)queued["reports"]!);
        }
        else
        {
            Assert.Equal("published", (string)registered["state"]!);
            Assert.Null(registered["review"]);
            Assert.Empty(await _http.QueueOfAsync(copy));
        }
    }

    [Fact]
    public async Task SameCreatorsReuploadIsPublishedAndTakenDownOriginalIsNoMatch()
    {
        var random = new Random(1610);
        var fingerprint = ContentClient.RandomFingerprint(random);
        var creator = NewId("c");
        var original = NewId("v");
        await _http.RegisterJsonAsync(original, creator, fingerprint);

        Assert.Equal("published", (string)(await _http.RegisterJsonAsync(NewId("v"), creator, fingerprint))["state"]!);
        Assert.Equal("published", (string)(await _http.RegisterJsonAsync(NewId("v"), creator, ContentClient.Flip(fingerprint, 3, 7)))["state"]!);

        // Only published videos are originals: taken down, it matches nothing.
        var other = NewId("c");
        Assert.Equal("inReview", (string)(await _http.RegisterJsonAsync(NewId("v"), other, fingerprint))["state"]!);
        var lone = ContentClient.RandomFingerprint(random);
        var loneVideo = NewId("v");
        await _http.RegisterJsonAsync(loneVideo, creator, lone);
        await _http.DecideAsync(loneVideo, "takedown");
        Assert.Equal("published", (string)(await _http.RegisterJsonAsync(NewId("v"), other, lone))["state"]!);
    }

    [Theory]
    [InlineData("0123456789abcde")]
    [InlineData("0123456789abcdef0")]
    [InlineData("0123456789abcdeg")]
    [InlineData("+123456789abcdef")]
    public async Task MalformedFingerprintIs400AndRegistersNothing(string fingerprint)
    {
        var video = NewId("v");
        var response = await _http.PostAsJsonAsync("/v1/videos", new { videoId = video, creatorId = NewId("c"), title = "t", durationMs = 1000, fingerprint });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("fingerprint", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/videos/{video}")).StatusCode);
    }
}

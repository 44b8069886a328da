using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Grains.Recommendation;
using Platform.Tests.Content;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Discovery;

/// <summary>
/// Review states in search, tag pages and the following feed, through real HTTP: only published videos are
/// found, a video leaves the moment it goes to review, and comes back within the 2 s freshness bound when an
/// operator publishes it again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReviewStateDiscoveryTests(PlatformServerFixture platform)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task VideoSentToReviewByReportsLeavesSearchTagPagesAndTheFollowingFeedAtOnce()
    {
        var (word, tag) = (DiscoveryClient.UniqueWord(), DiscoveryClient.UniqueWord());
        var (creator, follower) = (NewId("c"), NewId("u"));
        var (reported, kept) = (NewId("v"), NewId("v"));
        await _http.RegisterAsync(reported, creator, $"{word} reported", tag);
        await _http.RegisterAsync(kept, creator, $"{word} kept", tag);
        await _http.PostEventsAsync(Follow(follower, creator));
        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(word)).Count == 2, "both videos are searchable");
        Assert.Equal(2, (await TagIdsAsync(tag)).Count);
        Assert.Equal(2, (await FollowingIdsAsync(follower)).Count);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _http.ReportAsync(reported, NewId("u"))).StatusCode);
        }

        // No waiting: the first reads after the fifth report's response no longer have it.
        Assert.Equal("inReview", await _http.StateAsync(reported));
        Assert.Equal([kept], await _http.SearchIdsAsync(word));
        Assert.Equal([kept], await TagIdsAsync(tag));
        Assert.Equal([kept], await FollowingIdsAsync(follower));

        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(reported, "approve")).StatusCode);

        var approved = Stopwatch.StartNew();
        await BackWithinFreshnessAsync(approved, word, tag, follower, reported);
    }

    [Fact]
    public async Task PossibleDuplicateIsNeverFoundUntilRestoredAfterRejection()
    {
        var (word, tag) = (DiscoveryClient.UniqueWord(), DiscoveryClient.UniqueWord());
        var (creator, follower) = (NewId("c"), NewId("u"));
        var fingerprint = ContentClient.RandomFingerprint(new Random(11_07));
        await RegisterAsync(NewId("v"), NewId("c"), "the original, another creator's", fingerprint, "original");
        await _http.PostEventsAsync(Follow(follower, creator));

        var copy = NewId("v");
        var registered = await RegisterAsync(copy, creator, $"{word} copy", ContentClient.Flip(fingerprint, 2, 11), tag);
        Assert.Equal("inReview", (string)registered["state"]!);

        // A published video of the copy's shard with the same word and tag, registered after the copy: once the
        // shard's reader finds it, a reader that held the copy would find the copy too.
        var marker = SameShardAs(copy);
        await _http.RegisterAsync(marker, creator, $"{word} marker", tag);
        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(word)).Contains(marker), "the marker is searchable");
        Assert.Equal([marker], await _http.SearchIdsAsync(word));
        Assert.Equal([marker], await TagIdsAsync(tag));
        Assert.Equal([marker], await FollowingIdsAsync(follower));

        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(copy, "reject")).StatusCode);
        Assert.Equal([marker], await _http.SearchIdsAsync(word));
        Assert.Equal([marker], await TagIdsAsync(tag));

        Assert.Equal(HttpStatusCode.OK, (await _http.DecideAsync(copy, "restore")).StatusCode);

        var restored = Stopwatch.StartNew();
        await BackWithinFreshnessAsync(restored, word, tag, follower, copy);
    }

    /// <summary>Polls until search, the tag page and the following feed all hold the video again, within the 2 s bound.</summary>
    private async Task BackWithinFreshnessAsync(Stopwatch since, string word, string tag, string follower, string video)
    {
        while (!((await _http.SearchIdsAsync(word)).Contains(video)
            && (await TagIdsAsync(tag)).Contains(video)
            && (await FollowingIdsAsync(follower)).Contains(video)))
        {
            Assert.True(since.Elapsed < Freshness, $"not back {since.Elapsed.TotalMilliseconds:F0} ms after it was published again");
            await Task.Delay(20);
        }

        Assert.Equal(2, (await _http.SearchIdsAsync(word)).Count);
    }

    /// <summary>A new video id that lands in the same catalog shard (of the platform's 8) as <paramref name="videoId"/>.</summary>
    private static string SameShardAs(string videoId)
    {
        while (true)
        {
            var id = NewId("v");
            if (IdHash.Shard(id, 8) == IdHash.Shard(videoId, 8))
            {
                return id;
            }
        }
    }

    private async Task<List<string>> TagIdsAsync(string tag) =>
        [.. (await _http.TagVideosAsync(tag)).Select(i => (string)i["videoId"]!)];

    private async Task<List<string>> FollowingIdsAsync(string user) =>
        [.. (await _http.GetJsonAsync($"/v1/users/{user}/following?count=20"))["items"]!.AsArray().Select(i => (string)i!["videoId"]!)];

    private async Task<JsonObject> RegisterAsync(string videoId, string creatorId, string title, ulong fingerprint, string tag)
    {
        using var response = await _http.PostAsJsonAsync("/v1/videos", new
        {
            videoId, creatorId, title, tags = new[] { tag }, durationMs = 30_000, fingerprint = fingerprint.ToString("x16", CultureInfo.InvariantCulture),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registration answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Feed;

/// <summary>Every feed item's reason, through the HTTP API: present, readable, and true to what the user did.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FeedReasonApiTests(PlatformServerFixture platform)
{
    private static readonly string[] Kinds = ["similarTo", "creator", "taste", "tag", "trending", "fresh", "explore", "ad"];
    private static readonly string[] NonPersonal = ["trending", "fresh", "explore", "ad"];
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ANewUserGetsAReasonOnEveryItemAndNeverAPersonalOne()
    {
        for (var i = 0; i < 6; i++)
        {
            await _http.RegisterVideoAsync(NewId("v"), NewId("c"));
        }

        var feed = await _http.GetFeedAsync(NewId("u"), 20);

        Assert.NotEmpty(feed);
        foreach (var item in feed)
        {
            var reason = item["reason"]!.AsObject();
            Assert.Contains((string)reason["kind"]!, NonPersonal);
            Assert.False(string.IsNullOrWhiteSpace((string?)reason["text"]));
            Assert.False(reason.ContainsKey("videoId") || reason.ContainsKey("creatorId"), reason.ToJsonString());
        }
    }

    [Fact]
    public async Task NeighboursOfALikedVideoSayBecauseYouLikedItsTitle()
    {
        var run = NewId("r");
        var knife = await SeedKnifeSkillsCommunityAsync(run);
        var me = $"{run}-me";
        await _http.PostEventsAsync(View(me, knife, 30_000), Engage("like", me, knife));

        var feed = await FeedWithNeighboursAsync(me);

        AssertNeighboursAreSimilarTo(feed, knife, "Because you liked Knife skills");
        AssertReasonsAreTrue(feed, engagedVideos: [knife], creators: [$"{run}-chef"]);
    }

    [Fact]
    public async Task AVideoTheUserOnlyWatchedOrUnlikedIsNamedAsWatchedNeverAsLiked()
    {
        var run = NewId("r");
        var knife = await SeedKnifeSkillsCommunityAsync(run);
        var (watcher, unliker) = ($"{run}-watcher", $"{run}-unliker");
        await _http.PostEventsAsync(View(watcher, knife, 30_000));
        await _http.PostEventsAsync(View(unliker, knife, 30_000), Engage("like", unliker, knife));
        await _http.PostEventsAsync(Engage("unlike", unliker, knife));

        foreach (var user in new[] { watcher, unliker })
        {
            var feed = await FeedWithNeighboursAsync(user);

            AssertNeighboursAreSimilarTo(feed, knife, "Because you watched Knife skills");
            Assert.DoesNotContain(feed, i => ((string)i["reason"]!["text"]!).Contains("liked", StringComparison.Ordinal));
            AssertReasonsAreTrue(feed, engagedVideos: [knife], creators: [$"{run}-chef"]);
        }
    }

    /// <summary>"Knife skills" and twelve cooking videos that eight other users liked after liking it; returns its id.</summary>
    private async Task<string> SeedKnifeSkillsCommunityAsync(string run)
    {
        var knife = $"{run}-knife";
        await RegisterAsync(knife, $"{run}-chef", "Knife skills");
        var cooking = Enumerable.Range(0, 12).Select(i => $"{run}-cook{i}").ToArray();
        foreach (var v in cooking)
        {
            await RegisterAsync(v, $"{run}-cook-creator-{v[^1]}", $"Cooking {v}");
        }

        var events = new List<object>();
        for (var u = 0; u < 8; u++)
        {
            var fan = $"{run}-fan{u}";
            events.Add(View(fan, knife, 30_000));
            events.Add(Engage("like", fan, knife));
            foreach (var v in cooking)
            {
                events.Add(View(fan, v, 30_000));
                events.Add(Engage("like", fan, v));
            }
        }

        await _http.PostEventsAsync([.. events]);
        return knife;
    }

    /// <summary>The user's feed once co-engagement (one-way messages to the shards) has brought neighbours into it.</summary>
    private async Task<List<JsonObject>> FeedWithNeighboursAsync(string user)
    {
        List<JsonObject> feed = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            feed = await _http.GetFeedAsync(user, 10);
            if (feed.Any(i => (string)i["source"]! == "coEngagement"))
            {
                break;
            }
        }

        return feed;
    }

    [Fact]
    public async Task AFollowedCreatorsVideoSaysTheUserFollowsThem()
    {
        var (creator, user) = (NewId("c"), NewId("u"));
        var video = NewId("v");
        await _http.RegisterVideoAsync(video, creator);
        await _http.PostEventsAsync(Follow(user, creator));

        var feed = await _http.GetFeedAsync(user, 100);

        var item = Assert.Single(feed, i => (string)i["videoId"]! == video);
        Assert.Equal("creator", (string)item["reason"]!["kind"]!);
        Assert.Equal(creator, (string)item["reason"]!["creatorId"]!);
        Assert.Equal($"Because you follow {creator}", (string)item["reason"]!["text"]!);
        AssertReasonsAreTrue(feed, engagedVideos: [], creators: [creator]);
    }

    /// <summary>Every reason is of a known kind, has text, and names only videos and creators the user engaged with.</summary>
    /// <summary>Every co-engagement item of <paramref name="feed"/> (there is at least one) names <paramref name="anchor"/> with <paramref name="text"/>.</summary>
    private static void AssertNeighboursAreSimilarTo(List<JsonObject> feed, string anchor, string text)
    {
        var neighbours = feed.Where(i => (string)i["source"]! == "coEngagement").ToList();
        Assert.NotEmpty(neighbours);
        Assert.All(neighbours, i =>
        {
            var reason = i["reason"]!.AsObject();
            Assert.Equal("similarTo", (string)reason["kind"]!);
            Assert.Equal(anchor, (string)reason["videoId"]!);
            Assert.Equal(text, (string)reason["text"]!);
        });
    }

    private static void AssertReasonsAreTrue(List<JsonObject> feed, string[] engagedVideos, string[] creators)
    {
        foreach (var item in feed)
        {
            var reason = item["reason"]!.AsObject();
            Assert.Contains((string)reason["kind"]!, Kinds);
            Assert.False(string.IsNullOrWhiteSpace((string?)reason["text"]));
            if (reason["videoId"] is { } video)
            {
                Assert.Contains((string)video!, engagedVideos);
            }

            if (reason["creatorId"] is { } creator)
            {
                Assert.Contains((string)creator!, creators);
            }
        }
    }

    private async Task RegisterAsync(string videoId, string creatorId, string title)
    {
        using var response = await _http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title, tags = Array.Empty<string>(), durationMs = 30_000 });
        response.EnsureSuccessStatusCode();
    }
}

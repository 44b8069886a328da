using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class FeedTests(PlatformServerFixture platform)
{
    private static readonly string[] Sources = ["personalized", "trending", "fresh", "following", "explore", "coEngagement"];
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task NewUserGetsANonEmptyFeed()
    {
        // A platform of its own: the feed can only be non-empty through the one video registered here.
        await using var server = await PlatformServer.StartAsync();
        var video = NewId("v");
        await server.Http.RegisterVideoAsync(video, NewId("c"));

        var feed = await server.Http.GetFeedAsync(NewId("u"), 10);

        var item = Assert.Single(feed);
        Assert.Equal(video, (string)item["videoId"]!);
        Assert.Contains((string)item["source"]!, Sources);
    }

    [Fact]
    public async Task PagingNeverRepeatsAVideoNorReturnsViewedOnes()
    {
        var user = NewId("u");
        var creators = Enumerable.Range(0, 10).Select(_ => NewId("c")).ToArray();
        var videos = Enumerable.Range(0, 40).Select(i => (Id: NewId("v"), Creator: creators[i % creators.Length])).ToArray();
        foreach (var (id, creator) in videos)
        {
            await _http.RegisterVideoAsync(id, creator);
        }

        var viewed = videos.Take(5).Select(v => v.Id).ToHashSet();
        await _http.PostEventsAsync(viewed.Select(v => View(user, v)).ToArray());

        var served = new HashSet<string>();
        for (var page = 0; page < 4; page++)
        {
            var feed = await _http.GetFeedAsync(user, 8);
            Assert.NotEmpty(feed);
            foreach (var item in feed)
            {
                var id = (string)item["videoId"]!;
                Assert.True(served.Add(id), $"{id} was served twice");
                Assert.DoesNotContain(id, viewed);
            }
        }
    }

    [Fact]
    public async Task FeedRespectsCountAndCapsACreatorWhileOthersAreLeft()
    {
        var creator = NewId("c");
        for (var i = 0; i < 12; i++)
        {
            await _http.RegisterVideoAsync(NewId("v"), creator);
        }

        for (var i = 0; i < 12; i++)
        {
            await _http.RegisterVideoAsync(NewId("v"), NewId("c"));
        }

        var feed = await _http.GetFeedAsync(NewId("u"), 10);

        Assert.Equal(10, feed.Count);
        Assert.True(feed.Count(i => (string)i["creatorId"]! == creator) <= 3);
        Assert.Equal(feed.Count, feed.Select(i => (string)i["videoId"]!).Distinct().Count());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    public async Task CountOutOfRangeIs400(string count)
    {
        var response = await _http.GetAsync($"/v1/users/{NewId("u")}/feed?count={count}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task LikeChangesTheNextFeedsScores()
    {
        // A platform of its own, seeded: its catalog holds only these seven videos, so a page of 100 serves all of
        // them to both users, and no other test's traffic moves their signals between the two feeds.
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:Feed:RandomSeed"] = "7" });
        var http = server.Http;

        // Twin users with the same history; only one of them then likes the video.
        var (liker, twin) = (NewId("u"), NewId("u"));
        var watched = NewId("v");
        await http.RegisterVideoAsync(watched, NewId("c"), 30_000, "surfing");
        var surfing = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = NewId("v");
            await http.RegisterVideoAsync(id, NewId("c"), 30_000, i % 2 == 0 ? "surfing" : "baking");
            if (i % 2 == 0)
            {
                surfing.Add(id);
            }
        }

        await http.PostEventsAsync(View(liker, watched, 15_000), View(twin, watched, 15_000));
        await http.PostEventsAsync(Engage("like", liker, watched));

        // The twin is asked first: the impressions its page adds and the time that passes can only lower a new
        // video's score (fewer likes per impression, less fresh), so they work against the liker, never for them.
        var twinScores = await ScoresAsync(http, twin);
        var likerScores = await ScoresAsync(http, liker);

        // Item scores carry no random draw (exploration samples only order the page), so every surfing video
        // compares; the liked video's topic now scores higher for the liker, and only for them.
        Assert.All(surfing, id =>
        {
            Assert.True(likerScores.ContainsKey(id) && twinScores.ContainsKey(id), $"{id} was not served to both");
            Assert.True(likerScores[id] > twinScores[id] + 1e-4, $"{id}: liker {likerScores[id]}, twin {twinScores[id]}");
        });
    }

    /// <summary>Scores by video, every item of a page of 100.</summary>
    private static async Task<Dictionary<string, double>> ScoresAsync(HttpClient http, string user) =>
        (await http.GetFeedAsync(user, 100)).ToDictionary(i => (string)i["videoId"]!, i => (double)i["score"]!);
}

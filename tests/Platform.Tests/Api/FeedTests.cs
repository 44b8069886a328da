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
        await _http.RegisterVideoAsync(NewId("v"), NewId("c"));

        var feed = await _http.GetFeedAsync(NewId("u"), 10);

        Assert.NotEmpty(feed);
        Assert.All(feed, item => Assert.Contains((string)item["source"]!, Sources));
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
    public async Task FeedRespectsCountAndCapsVideosPerCreator()
    {
        var creator = NewId("c");
        for (var i = 0; i < 12; i++)
        {
            await _http.RegisterVideoAsync(NewId("v"), creator);
        }

        var feed = await _http.GetFeedAsync(NewId("u"), 100);

        Assert.InRange(feed.Count, 1, 100);
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
        // Twin users with the same history; only one of them then likes the video.
        var (liker, twin) = (NewId("u"), NewId("u"));
        var watched = NewId("v");
        await _http.RegisterVideoAsync(watched, NewId("c"), 30_000, "surfing");
        for (var i = 0; i < 6; i++)
        {
            await _http.RegisterVideoAsync(NewId("v"), NewId("c"), 30_000, i % 2 == 0 ? "surfing" : "baking");
        }

        await _http.PostEventsAsync(View(liker, watched, 15_000), View(twin, watched, 15_000));
        await _http.PostEventsAsync(Engage("like", liker, watched));

        var likerScores = await ScoresAsync(liker);
        var twinScores = await ScoresAsync(twin);

        var common = likerScores.Keys.Intersect(twinScores.Keys).ToList();
        Assert.NotEmpty(common);
        Assert.Contains(common, id => Math.Abs(likerScores[id] - twinScores[id]) > 1e-4);
    }

    /// <summary>Scores by video, leaving out exploration items (their score carries a random draw).</summary>
    private async Task<Dictionary<string, double>> ScoresAsync(string user) =>
        (await _http.GetFeedAsync(user, 100))
            .Where(i => (string)i["source"]! != "explore")
            .ToDictionary(i => (string)i["videoId"]!, i => (double)i["score"]!);
}

using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Discovery;

/// <summary>
/// <c>GET /v1/trending/tags</c> through real HTTP, on a platform of its own: trending tags are global, so other
/// tests' engagement would change the order this test checks.
/// </summary>
public sealed class TrendingTagsTests : IAsyncLifetime
{
    private PlatformServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await PlatformServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TagsAreOrderedByEngagementVelocityWithTheirVideoCounts()
    {
        // Twelve videos spread over the shards carry "hot"; three carry "Warm" (any case counts as one tag); two "cold".
        var creator = NewId("c");
        var hot = Enumerable.Range(0, 12).Select(_ => NewId("v")).ToArray();
        var warm = Enumerable.Range(0, 3).Select(_ => NewId("v")).ToArray();
        var cold = Enumerable.Range(0, 2).Select(_ => NewId("v")).ToArray();
        foreach (var video in hot)
        {
            await Http.RegisterAsync(video, creator, "hot video", "hot");
        }

        for (var i = 0; i < warm.Length; i++)
        {
            await Http.RegisterAsync(warm[i], creator, "warm video", i == 0 ? "WARM" : "warm");
        }

        foreach (var video in cold)
        {
            await Http.RegisterAsync(video, creator, "cold video", "cold");
        }

        // "warm" has one very engaged video; "hot" many lightly engaged ones that add up to more.
        var events = new List<object>();
        foreach (var video in hot)
        {
            for (var u = 0; u < 3; u++)
            {
                var user = NewId("u");
                events.Add(View(user, video, 29_000));
                events.Add(Engage("like", user, video));
            }
        }

        for (var u = 0; u < 6; u++)
        {
            var user = NewId("u");
            events.Add(View(user, warm[1], 29_000));
            events.Add(Engage("like", user, warm[1]));
        }

        await Http.PostEventsAsync([.. events]);

        // hot: 12 videos x 3 x (view 1 + like 3) = 144; warm: 6 x 4 = 24 (less whatever has decayed); cold: 0.
        // A missing report would take 12 or 24 off the sum; decay takes less than 3% in the first 80 s (half-life 30 min).
        await DiscoveryClient.EventuallyAsync(
            async () => (await Http.TrendingTagsAsync()).Sum(t => (double)t["score"]!) >= 0.97 * 168,
            "every video's engagement reached its shard");
        var tags = await Http.TrendingTagsAsync();

        Assert.Equal(["hot", "warm", "cold"], tags.Select(t => (string)t["tag"]!));
        Assert.Equal([12, 3, 2], tags.Select(t => (int)t["videos"]!));
        Assert.InRange((double)tags[0]["score"]!, 0.97 * 144, 144.001);
        Assert.InRange((double)tags[1]["score"]!, 0.97 * 24, 24.001);
        Assert.Equal(0, (double)tags[2]["score"]!);
        Assert.Equal(["hot"], (await Http.TrendingTagsAsync(1)).Select(t => (string)t["tag"]!));
    }
}

using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Feed;

/// <summary>Full pages through the HTTP API, each test on a platform of its own (its catalog holds only its videos), seeded.</summary>
public sealed class FeedPageApiTests : IAsyncLifetime
{
    private PlatformServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() =>
        _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:Feed:RandomSeed"] = "11",
            ["Platform:Catalog:ReportInterval"] = "00:00:00.200",
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task NewUserGetsAFullPageFromATwoCreatorCatalogWithoutRuns()
    {
        var (a, b) = (NewId("c"), NewId("c"));
        for (var i = 0; i < 20; i++)
        {
            await Http.RegisterVideoAsync(NewId("v"), a);
            await Http.RegisterVideoAsync(NewId("v"), b);
        }

        var feed = await Http.GetFeedAsync(NewId("u"), 10);

        Assert.Equal(10, feed.Count);
        Assert.Equal(10, feed.Select(i => (string)i["videoId"]!).Distinct().Count());
        AssertNoRuns(feed);
    }

    [Fact]
    public async Task AOneCreatorCatalogStillFillsThePage()
    {
        var creator = NewId("c");
        for (var i = 0; i < 12; i++)
        {
            await Http.RegisterVideoAsync(NewId("v"), creator);
        }

        var first = await Http.GetFeedAsync(NewId("u"), 10);
        var all = await Http.GetFeedAsync(NewId("u"), 100);

        Assert.Equal(10, first.Count);
        Assert.Equal(12, all.Count);
        Assert.All(all, i => Assert.Equal(creator, (string)i["creatorId"]!));
    }

    [Fact]
    public async Task LikingOneCreatorsCommunityIsNotCappedAwayFromTheFeed()
    {
        // Two communities, each all from one creator: cooking fans co-engage with cooking, car fans with cars.
        var (cook, mechanic) = (NewId("cook"), NewId("mech"));
        var cooking = Enumerable.Range(0, 40).Select(_ => NewId("v")).ToArray();
        var cars = Enumerable.Range(0, 40).Select(_ => NewId("v")).ToArray();
        foreach (var v in cooking)
        {
            await Http.RegisterVideoAsync(v, cook, 30_000, "cooking");
        }

        foreach (var v in cars)
        {
            await Http.RegisterVideoAsync(v, mechanic, 30_000, "cars");
        }

        var random = new Random(5);
        foreach (var (community, kind) in new[] { (cooking, "cook"), (cars, "car") })
        {
            var events = new List<object>();
            for (var u = 0; u < 12; u++)
            {
                foreach (var v in community.OrderBy(_ => random.Next()).Take(8))
                {
                    events.Add(View($"{kind}-fan-{u}-{cook}", v, 30_000));
                    events.Add(Engage("like", $"{kind}-fan-{u}-{cook}", v));
                }
            }

            await Http.PostEventsAsync([.. events]);
        }

        var (me, probe) = (NewId("u"), NewId("probe"));
        await Http.PostEventsAsync([.. cooking.Take(3).SelectMany(v => new[] { View(me, v, 30_000), Engage("like", me, v) })]);
        await Http.PostEventsAsync([.. cooking.Take(3).SelectMany(v => new[] { View(probe, v, 30_000), Engage("like", probe, v) })]);

        // Co-engagement reaches the shards by one-way messages: a twin of the user shows when it has.
        await Poll.UntilAsync(
            async () => (await Http.GetFeedAsync(probe, 10)).Any(i => (string)i["source"]! == "coEngagement"),
            "co-engagement neighbours in a feed");

        var served = new List<JsonObject>();
        for (var page = 0; page < 5; page++)
        {
            var feed = await Http.GetFeedAsync(me, 10);
            Assert.Equal(10, feed.Count);
            AssertNoRuns(feed);
            served.AddRange(feed);
        }

        // The old hard cap of 3 per creator allowed at most 15 of these 50.
        var fromCooking = served.Count(i => (string)i["creatorId"]! == cook);
        Assert.True(fromCooking > 15, $"{fromCooking} of 50 items came from the community the user liked");
    }

    /// <summary>No two adjacent items of one creator while the page holds other creators' videos after them.</summary>
    private static void AssertNoRuns(List<JsonObject> feed)
    {
        var creators = feed.Select(i => (string)i["creatorId"]!).ToList();
        for (var i = 1; i < creators.Count; i++)
        {
            if (creators[i] == creators[i - 1])
            {
                Assert.True(creators.Skip(i).All(c => c == creators[i]), $"a run of {creators[i]} at {i} with other creators later: {string.Join(", ", creators)}");
            }
        }
    }
}

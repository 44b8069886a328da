using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Feed;

/// <summary>
/// Cold start by impressions through the HTTP API, on a platform of its own with seeded draws: every served
/// video is viewed, as on a real app, and the rules are checked from what users are served.
/// </summary>
public sealed class ColdStartApiTests : IAsyncLifetime
{
    private PlatformServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() =>
        _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:Feed:RandomSeed"] = "3",
            ["Platform:Feed:ExploreMaxImpressions"] = "30",
            ["Platform:Catalog:ReportInterval"] = "00:00:00.100",
            ["Platform:Catalog:CoEngagementFlushInterval"] = "00:00:00.050",
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TenUploadsFromOneCreatorEachReachAnAudienceWithinAFewHundredFeeds()
    {
        await RegisterEstablishedCatalogAsync(videos: 80, creators: 20);
        var burstCreator = NewId("burst");
        var burst = Enumerable.Range(0, 10).Select(_ => NewId("v")).ToArray();
        foreach (var v in burst)
        {
            await Http.RegisterVideoAsync(v, burstCreator);
        }

        var firstServed = new Dictionary<string, int>();
        for (var feed = 1; feed <= 300 && firstServed.Count < burst.Length; feed++)
        {
            var user = NewId("u");
            var items = await Http.GetFeedAsync(user, 10);
            Assert.Equal(10, items.Count);
            foreach (var item in items.Where(i => burst.Contains((string)i["videoId"]!)))
            {
                firstServed.TryAdd((string)item["videoId"]!, feed);
            }

            await Http.PostEventsAsync([.. items.Select(i => View(user, (string)i["videoId"]!, 5_000))]);
        }

        Assert.True(firstServed.Count == burst.Length, $"{firstServed.Count} of 10 uploads were served in 300 feeds");
    }

    [Fact]
    public async Task ANewVideoPeopleLikeKeepsBeingShownWhileOneEveryoneSkipsFades()
    {
        await RegisterEstablishedCatalogAsync(videos: 80, creators: 20);
        var (loved, skipped) = (NewId("loved"), NewId("skipped"));
        await Http.RegisterVideoAsync(loved, NewId("c"));
        await Http.RegisterVideoAsync(skipped, NewId("c"));

        var shown = new Dictionary<string, int> { [loved] = 0, [skipped] = 0 };
        for (var feed = 1; feed <= 240; feed++)
        {
            var user = NewId("u");
            var items = await Http.GetFeedAsync(user, 10);
            Assert.Equal(10, items.Count);
            var events = new List<object>();
            foreach (var id in items.Select(i => (string)i["videoId"]!))
            {
                if (id == skipped)
                {
                    events.Add(Engage("skip", user, id));
                }
                else
                {
                    events.Add(View(user, id, id == loved ? 30_000 : 5_000));
                    if (id == loved)
                    {
                        events.Add(Engage("like", user, id));
                    }
                }

                // What counts is what users see once both have had their exploration.
                if (feed > 120 && shown.ContainsKey(id))
                {
                    shown[id]++;
                }
            }

            await Http.PostEventsAsync([.. events]);
        }

        Assert.True(shown[loved] >= 30 && shown[loved] >= 3 * shown[skipped],
            $"in the last 120 feeds the liked new video was shown {shown[loved]} times, the skipped one {shown[skipped]}");
    }

    /// <summary>Videos that have had their exploration: served and watched well past the threshold.</summary>
    private async Task RegisterEstablishedCatalogAsync(int videos, int creators)
    {
        var creatorIds = Enumerable.Range(0, creators).Select(_ => NewId("c")).ToArray();
        var ids = Enumerable.Range(0, videos).Select(_ => NewId("v")).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            await Http.RegisterVideoAsync(ids[i], creatorIds[i % creators]);
        }

        var events = new List<object>();
        for (var u = 0; u < 40; u++)
        {
            var user = NewId("warm");
            for (var i = 0; i < ids.Length; i++)
            {
                events.Add(View(user, ids[i], 20_000));
                if ((i + u) % 3 == 0)
                {
                    events.Add(Engage("like", user, ids[i]));
                }
            }

            if (events.Count > 800)
            {
                await Http.PostEventsAsync([.. events]);
                events.Clear();
            }
        }

        if (events.Count > 0)
        {
            await Http.PostEventsAsync([.. events]);
        }

        await Task.Delay(500); // the videos' reports reach their shards
    }
}

using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class PersonalizationTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task NewUserWhoLikesOneCommunitysVideosGetsMostlyThatCommunity()
    {
        var random = new Random(7);
        var communityA = await RegisterCommunityAsync(15);
        var communityB = await RegisterCommunityAsync(15);
        await EngageCommunityAsync(communityA, 20, random);
        await EngageCommunityAsync(communityB, 20, random);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let videos report their learned embeddings to the catalog

        var newcomer = NewId("u");
        await _http.PostEventsAsync(communityA.Take(3).SelectMany(v => new[] { View(newcomer, v, 30_000), Engage("like", newcomer, v) }).ToArray());
        var feed = await _http.GetFeedAsync(newcomer, 10);

        var ids = feed.Select(i => (string)i["videoId"]!).ToList();
        var fromA = ids.Count(communityA.Contains);
        var fromB = ids.Count(communityB.Contains);
        Assert.True(fromA >= 2 * Math.Max(1, fromB) && fromA >= 6, $"feed had {fromA} videos of the liked community and {fromB} of the other: {string.Join(", ", feed.Select(i => $"{i["videoId"]}:{i["source"]}:{i["score"]}"))}");
    }

    private async Task<HashSet<string>> RegisterCommunityAsync(int videos)
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < videos; i++)
        {
            var id = NewId("v");
            await _http.RegisterVideoAsync(id, NewId("c"), 30_000);
            ids.Add(id);
        }

        return ids;
    }

    private async Task EngageCommunityAsync(HashSet<string> community, int users, Random random)
    {
        var videos = community.ToArray();
        var events = new List<object>();
        for (var u = 0; u < users; u++)
        {
            var user = NewId("u");
            foreach (var video in videos.OrderBy(_ => random.Next()).Take(6))
            {
                events.Add(View(user, video, 28_000));
                events.Add(Engage("like", user, video));
            }
        }

        await _http.PostEventsAsync([.. events]);
    }
}

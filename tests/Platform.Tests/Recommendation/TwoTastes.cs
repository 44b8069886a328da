using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Recommendation;

/// <summary>
/// A catalog of two kinds (cat and car videos, each kind from its own creators) with fans of each kind who watch to
/// the end and like videos of their kind only, and a new user who likes the first two cat videos.
/// </summary>
internal static class TwoTastes
{
    /// <summary>
    /// Registers <paramref name="videosPerKind"/> videos of each kind (from <paramref name="creatorsPerKind"/> creators
    /// each), then six fans of each kind, fan k liking <paramref name="likesPerFan"/> consecutive videos of its kind from
    /// video k x <paramref name="stride"/> on. Returns the two kinds' video ids.
    /// </summary>
    public static async Task<(string[] Cats, string[] Cars)> SeedAsync(
        HttpClient http, string run, int videosPerKind, int creatorsPerKind, int likesPerFan, int stride)
    {
        var cats = Enumerable.Range(0, videosPerKind).Select(i => $"{run}-cat{i}").ToArray();
        var cars = Enumerable.Range(0, videosPerKind).Select(i => $"{run}-car{i}").ToArray();
        for (var i = 0; i < videosPerKind; i++)
        {
            await http.RegisterVideoAsync(cats[i], $"{run}-catmaker{i % creatorsPerKind}", 30_000, "cats");
            await http.RegisterVideoAsync(cars[i], $"{run}-carmaker{i % creatorsPerKind}", 30_000, "cars");
        }

        for (var k = 0; k < 6; k++)
        {
            foreach (var (kind, videos) in new[] { ("cat", cats), ("car", cars) })
            {
                var user = $"{run}-{kind}fan{k}";
                var events = new List<object>();
                for (var j = 0; j < likesPerFan; j++)
                {
                    var video = videos[(k * stride + j) % videosPerKind];
                    events.Add(ApiClient.View(user, video, 30_000));
                    events.Add(ApiClient.Engage("like", user, video));
                }

                await http.PostEventsAsync([.. events]);
            }
        }

        return (cats, cars);
    }

    /// <summary>
    /// A new user <c>{run}-me</c> likes the first two cat videos; returns its first feed of 10 that carries at least five
    /// co-engagement items (co-engagement reaches the shards by one-way messages, so it is polled for).
    /// </summary>
    public static async Task<List<JsonObject>> FeedAfterLikingTwoCatsAsync(HttpClient http, string run, string[] cats)
    {
        var me = $"{run}-me";
        await http.PostEventsAsync(
            ApiClient.View(me, cats[0], 30_000), ApiClient.Engage("like", me, cats[0]),
            ApiClient.View(me, cats[1], 30_000), ApiClient.Engage("like", me, cats[1]));
        return await Poll.UntilAsync(() => http.GetFeedAsync(me, 10), f => f.Count(i => (string)i["source"]! == "coEngagement") >= 5,
            "five co-engagement items reach the feed", interval: TimeSpan.FromMilliseconds(300));
    }
}

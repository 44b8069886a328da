using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Recommendation;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Recommendation;

/// <summary>The item-item model in a running silo: built from the catalog shards' co-engagement, used by feeds.</summary>
public sealed class ItemModelLiveTests
{
    [Fact]
    public async Task SiloBuildsItsItemModelFromEveryShardAndFeedsKeepFollowingTheUsersTaste()
    {
        var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:ItemModel:Weight"] = "1",
            ["Platform:ItemModel:MaxItems"] = "30",
            ["Platform:ItemModel:RefreshInterval"] = "00:00:00.300",
            ["Platform:Catalog:ReportInterval"] = "00:00:00.200",
        });
        try
        {
            var http = server.Http;
            var run = ApiClient.NewId("im");
            var cats = Enumerable.Range(0, 12).Select(i => $"{run}-cat{i}").ToArray();
            var cars = Enumerable.Range(0, 12).Select(i => $"{run}-car{i}").ToArray();
            for (var i = 0; i < 12; i++)
            {
                await http.RegisterVideoAsync(cats[i], $"{run}-catmaker{i % 4}", 30_000, "cats");
                await http.RegisterVideoAsync(cars[i], $"{run}-carmaker{i % 4}", 30_000, "cars");
            }

            for (var k = 0; k < 6; k++)
            {
                foreach (var (kind, videos) in new[] { ("cat", cats), ("car", cars) })
                {
                    var user = $"{run}-{kind}fan{k}";
                    var events = new List<object>();
                    for (var j = 0; j < 6; j++)
                    {
                        var video = videos[((k * 2) + j) % 12];
                        events.Add(ApiClient.View(user, video, 30_000));
                        events.Add(ApiClient.Engage("like", user, video));
                    }

                    await http.PostEventsAsync([.. events]);
                }
            }

            // Co-engagement reaches the shards by one-way messages; the refresher then asks every shard.
            var holder = server.Services.GetRequiredService<ItemModelHolder>();
            var model = await Poll.UntilAsync(() => Task.FromResult(holder.Current), m => m is { Count: 24 },
                "the model covers the 24 co-engaged videos", interval: TimeSpan.FromMilliseconds(300));

            Assert.Equal(24L * 24 * sizeof(float), model!.MatrixBytes);
            var toCats = cats.Skip(1).Sum(c => model.Weight(cats[0], c));
            var toCars = cars.Sum(c => model.Weight(cats[0], c));
            Assert.True(toCats > toCars, $"cat→cats {toCats}, cat→cars {toCars}");

            var me = $"{run}-me";
            await http.PostEventsAsync(
                ApiClient.View(me, cats[0], 30_000), ApiClient.Engage("like", me, cats[0]),
                ApiClient.View(me, cats[1], 30_000), ApiClient.Engage("like", me, cats[1]));
            var feed = await Poll.UntilAsync(() => http.GetFeedAsync(me, 10), f => f.Count(i => (string)i["source"]! == "coEngagement") >= 5,
                "five co-engagement items reach the feed", interval: TimeSpan.FromMilliseconds(300));
            var catCount = feed.Count(i => ((string)i["videoId"]!).Contains("-cat", StringComparison.Ordinal));
            Assert.True(catCount >= 7, $"only {catCount} of {feed.Count} feed items are cat videos");
            Assert.DoesNotContain(feed, i => (string)i["videoId"]! == cats[0] || (string)i["videoId"]! == cats[1]);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

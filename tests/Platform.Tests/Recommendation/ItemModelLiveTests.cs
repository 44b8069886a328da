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
            var (cats, cars) = await TwoTastes.SeedAsync(http, run, videosPerKind: 12, creatorsPerKind: 4, likesPerFan: 6, stride: 2);

            // Co-engagement reaches the shards by one-way messages; the refresher then asks every shard.
            var holder = server.Services.GetRequiredService<ItemModelHolder>();
            var model = await Poll.UntilAsync(() => Task.FromResult(holder.Current), m => m is { Count: 24 },
                "the model covers the 24 co-engaged videos", interval: TimeSpan.FromMilliseconds(300));

            Assert.Equal(24L * 24 * sizeof(float), model!.MatrixBytes);
            var toCats = cats.Skip(1).Sum(c => model.Weight(cats[0], c));
            var toCars = cars.Sum(c => model.Weight(cats[0], c));
            Assert.True(toCats > toCars, $"cat→cats {toCats}, cat→cars {toCars}");

            var feed = await TwoTastes.FeedAfterLikingTwoCatsAsync(http, run, cats);
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

using System.Net;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;

namespace Platform.Tests.Cluster;

/// <summary>
/// The catalog shards' paged snapshots on PostgreSQL: after every silo is killed, a restarted cluster
/// serves the same catalog from the snapshot pages alone (no video grain is touched, so none re-announces
/// itself), and a video taken down before the kill never comes back.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategories.Long)]
public sealed class CatalogRecoveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CatalogComesBackFromSnapshotPagesAfterWholeClusterKillWithoutTakenDownVideo()
    {
        var settings = new ClusterSettings(await postgres.CreateDatabaseAsync())
        {
            Overrides = new Dictionary<string, string> { ["Platform:Catalog:SnapshotInterval"] = "00:00:01" },
        };
        var videos = Enumerable.Range(0, 24).Select(_ => ApiClient.NewId("v")).ToArray();
        var takenDown = videos[0];
        var cluster = await SiloCluster.StartAsync(settings, 1);
        try
        {
            foreach (var videoId in videos)
            {
                Assert.Equal(HttpStatusCode.Created, (await cluster.Http.RegisterVideoAsync(videoId, ApiClient.NewId("c"), 20_000, "test")).StatusCode);
            }

            // Engagement makes the videos report signals, which only mark their pages as changed.
            var viewer = ApiClient.NewId("u");
            await cluster.Http.PostEventsAsync([.. videos.Skip(1).Take(8).Select(v => ApiClient.View(viewer, v, 15_000))]);

            using var takedown = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{takenDown}/takedown");
            takedown.Headers.Add("X-Api-Key", settings.AdminKey);
            Assert.Equal(HttpStatusCode.OK, (await cluster.Http.SendAsync(takedown)).StatusCode);

            // Past a few snapshot intervals (1 s here), so the registrations are in the pages.
            await Task.Delay(TimeSpan.FromSeconds(3));
            foreach (var silo in cluster.Serving)
            {
                cluster.Kill(silo);
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        await using var restarted = await SiloCluster.StartAsync(settings, 1);
        var served = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var item in await restarted.Http.GetFeedAsync(ApiClient.NewId("u"), 100))
            {
                served.Add((string)item["videoId"]!);
            }
        }

        Assert.DoesNotContain(takenDown, served);
        Assert.Equal(videos.Skip(1).Order(), served.Where(videos.Contains).Order());
    }
}
